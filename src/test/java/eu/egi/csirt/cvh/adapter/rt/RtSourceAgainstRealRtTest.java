package eu.egi.csirt.cvh.adapter.rt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static eu.egi.csirt.cvh.adapter.rt.RealRt.rtAction;
import static org.assertj.core.api.Assertions.assertThat;

/** What cvh reads from a real RT 5: tickets people open in the queue, and their replies, each once. */
class RtSourceAgainstRealRtTest {

    static RtClient person;
    static RtClient cvh;
    static RtSource source;

    @BeforeAll
    static void startRt() throws Exception {
        RealRt.up();
        person = RealRt.asRoot();
        cvh = RealRt.asCvh();
        source = new RtSource(cvh, RealRt.QUEUE, RealRt.CVH_USER);
    }

    @AfterAll
    static void stopRt() throws Exception {
        RealRt.down();
    }

    @Test
    void a_ticket_the_incident_response_team_opens_is_found_once_and_cvh_tickets_are_not() {
        long cvhTicket = Long.parseLong(new RtConnector(cvh, RealRt.QUEUE, null).deliver(rtAction("s1/rt", "create",
                "EGI-SVG-2026-31337/ALPHA-LCG2", List.of("security@alpha.example.org"), List.of(), "cvh ticket", "text",
                Instant.parse("2026-12-07T09:00:00Z"))));
        Instant due = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);  // SDIS step 1
        long personTicket = person.createTicket(new NewTicket(RealRt.QUEUE, "Compromised host at DELTA-SITE",
                List.of("security@delta.example.org"), List.of("ngi-security@example.org"), due,
                "Please investigate host wn01.delta.example.org.", null));

        List<RtTicket> found = source.ticketsOpenedByPeople(0);

        assertThat(found).extracting(RtTicket::id).contains(personTicket).doesNotContain(cvhTicket);
        assertThat(found).extracting(RtTicket::creator).doesNotContain(RealRt.CVH_USER);
        RtTicket ticket = found.stream().filter(t -> t.id() == personTicket).findFirst().orElseThrow();
        assertThat(ticket.subject()).isEqualTo("Compromised host at DELTA-SITE");
        assertThat(ticket.requestors()).containsExactly("security@delta.example.org");
        assertThat(ticket.creator()).isEqualTo("root");
        assertThat(ticket.created()).isNotNull();
        assertThat(ticket.due()).isEqualTo(due);
        assertThat(source.ticketsOpenedByPeople(personTicket)).isEmpty();
    }

    @Test
    void new_correspondence_is_seen_once_and_cvh_own_texts_are_not() {
        long ticket = person.createTicket(new NewTicket(RealRt.QUEUE, "Reply test", List.of("security@eta.example.org"),
                List.of(), null, "opened", null));
        long before = person.history(ticket).stream().mapToLong(RtTransaction::id).max().orElseThrow();
        person.correspond(ticket, "We patched all worker nodes yesterday.", null);
        cvh.correspond(ticket, "Thank you, we will check.", null);

        List<RtReply> replies = source.repliesSince(List.of(ticket), before);

        assertThat(replies).hasSize(1);
        RtReply reply = replies.get(0);
        assertThat(reply.ticketId()).isEqualTo(ticket);
        assertThat(reply.creator()).isEqualTo("root");
        assertThat(reply.created()).isNotNull();
        assertThat(reply.content()).isEqualTo("We patched all worker nodes yesterday.");
        assertThat(source.repliesSince(List.of(ticket), reply.transactionId())).isEmpty();
    }
}
