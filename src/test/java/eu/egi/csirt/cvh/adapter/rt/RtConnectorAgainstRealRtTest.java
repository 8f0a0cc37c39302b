package eu.egi.csirt.cvh.adapter.rt;

import eu.egi.csirt.cvh.domain.campaign.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static eu.egi.csirt.cvh.adapter.rt.RealRt.rtAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RT connector and client against a real RT 5 (fresh database for this class). */
class RtConnectorAgainstRealRtTest {

    static final Instant DEADLINE = Instant.parse("2026-12-07T09:00:00Z");
    static final List<String> REQUESTORS = List.of("security@alpha.example.org", "admins@alpha.example.org");
    static final List<String> CC = List.of("security@ngi-aa.example.org");

    static RtClient rt;
    static RtConnector connector;

    @BeforeAll
    static void startRt() throws Exception {
        RealRt.up();
        rt = RealRt.asCvh();
        connector = new RtConnector(rt, RealRt.QUEUE, "Site");
    }

    @AfterAll
    static void stopRt() throws Exception {
        RealRt.down();
    }

    @Test
    void create_twice_with_the_same_key_opens_one_ticket_with_requestors_cc_due_and_site() {
        String ticketKey = "EGI-SVG-2026-31337/ALPHA-LCG2";
        var create = rtAction("c1/rt", "create", ticketKey, REQUESTORS, CC,
                "CVE-2026-31337 (critical): ALPHA-LCG2 still vulnerable", "Dear security contact ...", DEADLINE);

        String first = connector.deliver(create);
        // a restart forgets the cache: a new connector must find the ticket in RT, not open another
        String second = new RtConnector(rt, RealRt.QUEUE, "Site").deliver(create);

        assertThat(second).isEqualTo(first);
        assertThat(rt.search("Subject LIKE " + RtClient.quote("[cvh:" + ticketKey + "]"))).hasSize(1);
        RtTicket ticket = rt.ticket(Long.parseLong(first));
        assertThat(ticket.subject()).isEqualTo("[cvh:" + ticketKey + "] CVE-2026-31337 (critical): ALPHA-LCG2 still vulnerable");
        assertThat(ticket.requestors()).containsExactlyInAnyOrderElementsOf(REQUESTORS);
        assertThat(ticket.cc()).containsExactlyElementsOf(CC);
        assertThat(ticket.due()).isEqualTo(DEADLINE);
        assertThat(ticket.creator()).isEqualTo(RealRt.CVH_USER);
        assertThat(ticket.customFields()).containsEntry("Site", List.of("ALPHA-LCG2"));
    }

    @Test
    void a_reintroduced_case_gets_its_own_ticket() {
        String round1 = connector.deliver(rtAction("r1/rt", "create", "EGI-SVG-2026-31337/BETA-GRID", REQUESTORS, CC, "BETA", "text", DEADLINE));
        String round2 = connector.deliver(rtAction("r2/rt", "create", "EGI-SVG-2026-31337/BETA-GRID/2", REQUESTORS, CC, "BETA again", "text", DEADLINE));
        var fresh = new RtConnector(rt, RealRt.QUEUE, null);

        assertThat(round2).isNotEqualTo(round1);
        assertThat(fresh.findTicket("EGI-SVG-2026-31337/BETA-GRID")).contains(Long.parseLong(round1));
        assertThat(fresh.findTicket("EGI-SVG-2026-31337/BETA-GRID/2")).contains(Long.parseLong(round2));
    }

    @Test
    void correspondence_appears_in_the_history_once_even_when_the_action_is_retried() {
        String ticketKey = "EGI-SVG-2026-31337/GAMMA";
        long id = Long.parseLong(connector.deliver(rtAction("g1/rt", "create", ticketKey, REQUESTORS, CC, "GAMMA", "opened", DEADLINE)));
        var reminder = rtAction("g2/rt", "correspond", ticketKey, REQUESTORS, CC, "reminder", "Your site is still vulnerable.", null);

        assertThat(connector.deliver(reminder)).isEqualTo(Long.toString(id));
        new RtConnector(rt, RealRt.QUEUE, null).deliver(reminder);  // a retry after a restart

        List<RtTransaction> corresponds = rt.history(id).stream().filter(t -> t.type().equals("Correspond")).toList();
        assertThat(corresponds).hasSize(1);
        assertThat(textOf(id, corresponds.get(0).id())).contains("Your site is still vulnerable.").contains("cvh-action: g2/rt");
    }

    @Test
    void sdis_2a_operational_contacts_added_to_a_reminder_become_cc_watchers_so_rt_mails_them() {
        String ticketKey = "EGI-SVG-2026-31337/OPS";
        long id = Long.parseLong(connector.deliver(rtAction("o1/rt", "create", ticketKey, REQUESTORS, CC, "OPS", "opened", DEADLINE)));
        var last = rtAction("o2/rt", "correspond", ticketKey, List.of("security@alpha.example.org", "ops@alpha.example.org"), CC,
                "last reminder", "Last reminder.", null);

        connector.deliver(last);

        RtTicket ticket = rt.ticket(id);
        assertThat(ticket.cc()).containsExactlyInAnyOrder("security@ngi-aa.example.org", "ops@alpha.example.org");
        assertThat(ticket.requestors()).containsExactlyInAnyOrderElementsOf(REQUESTORS);
    }

    @Test
    void a_comment_is_internal_and_posted_once() {
        String ticketKey = "EGI-SVG-2026-31337/EPSILON";
        long id = Long.parseLong(connector.deliver(rtAction("e1/rt", "create", ticketKey, REQUESTORS, CC, "EPSILON", "opened", DEADLINE)));
        var note = rtAction("e2/rt", "comment", ticketKey, List.of(), List.of(), "note", "Officer: site asked for help.", null);

        connector.deliver(note);
        connector.deliver(note);

        List<String> types = rt.history(id).stream().map(RtTransaction::type).toList();
        assertThat(types).containsOnlyOnce("Comment").doesNotContain("Correspond");
    }

    @Test
    void resolve_sets_the_ticket_resolved_with_the_thank_you_text() {
        String ticketKey = "EGI-SVG-2026-31337/DELTA";
        long id = Long.parseLong(connector.deliver(rtAction("d1/rt", "create", ticketKey, REQUESTORS, CC, "DELTA", "opened", DEADLINE)));

        connector.deliver(rtAction("d2/rt", "resolve", ticketKey, REQUESTORS, CC, "closed",
                "Thank you for addressing this problem.", null));

        assertThat(rt.ticket(id).status()).isEqualTo("resolved");
        long resolving = rt.history(id).stream().filter(t -> t.type().equals("Correspond")).findFirst().orElseThrow().id();
        assertThat(textOf(id, resolving)).contains("Thank you for addressing this problem.");
    }

    @Test
    void set_due_changes_the_due_date() {
        String ticketKey = "EGI-SVG-2026-31337/ZETA";
        long id = Long.parseLong(connector.deliver(rtAction("z1/rt", "create", ticketKey, REQUESTORS, CC, "ZETA", "opened", DEADLINE)));
        Instant extended = Instant.parse("2026-12-08T10:00:00Z");

        connector.deliver(rtAction("z2/rt", "set-due", ticketKey, List.of(), List.of(), "extension", "", extended));

        assertThat(rt.ticket(id).due()).isEqualTo(extended);
    }

    @Test
    void an_action_on_a_ticket_not_created_yet_fails_so_the_outbox_retries_it() {
        assertThatThrownBy(() -> connector.deliver(rtAction("n1/rt", "correspond", "EGI-SVG-2026-31337/NOWHERE",
                REQUESTORS, CC, "x", "y", null)))
                .isInstanceOf(RtException.class).hasMessageContaining("[cvh:EGI-SVG-2026-31337/NOWHERE]");
    }

    @Test
    void token_authentication_acts_as_the_tokens_user() throws Exception {
        var withToken = new RtConnector(RealRt.asCvhWithToken(), RealRt.QUEUE, null);

        long id = Long.parseLong(withToken.deliver(rtAction("t1/rt", "create", "EGI-SVG-2026-31337/THETA", REQUESTORS, CC,
                "THETA", "opened", DEADLINE)));

        assertThat(rt.ticket(id).creator()).isEqualTo(RealRt.CVH_USER);
    }

    @Test
    void bad_credentials_are_a_clear_401_error_without_the_password() {
        RtClient wrong = RtClient.withPassword(RealRt.URL, RealRt.CVH_USER, "not-the-password", RealRt.TIMEOUT);
        var connectorWithWrongPassword = new RtConnector(wrong, RealRt.QUEUE, null);

        assertThatThrownBy(() -> connectorWithWrongPassword.deliver(rtAction("w1/rt", "create", "EGI-SVG-2026-31337/WRONG",
                REQUESTORS, CC, "x", "y", DEADLINE)))
                .isInstanceOf(RtAuthenticationException.class)
                .hasMessageContaining("401").hasMessageContaining("credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password"));
        assertThatThrownBy(() -> RtClient.withToken(RealRt.URL, "no-such-token", RealRt.TIMEOUT).ticket(1))
                .isInstanceOf(RtAuthenticationException.class);
    }

    @Test
    void rt_errors_carry_the_status_and_rts_message() {
        assertThatThrownBy(() -> rt.ticket(999_999))
                .isInstanceOf(RtException.class).hasMessageContaining("404").hasMessageContaining("Not Found")
                .satisfies(e -> assertThat(((RtException) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> rt.createTicket(new NewTicket("No Such Queue", "x", List.of(), List.of(), null, "y", null)))
                .isInstanceOf(RtException.class).hasMessageContaining("No Such Queue");
        assertThat(connector.channel()).isEqualTo(Channel.RT);
    }

    private static String textOf(long ticketId, long transactionId) {
        return rt.attachments(ticketId).stream().filter(a -> a.transactionId() == transactionId)
                .map(RtAttachment::content).reduce("", String::concat);
    }
}
