package eu.egi.csirt.cvh.domain.reply;

import eu.egi.csirt.cvh.port.ReplyCases;
import eu.egi.csirt.cvh.port.ReplyCases.CaseRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reply finds its case in this order: RT ticket, the runtime's ticket tag, the Message-IDs it answers,
 * the [CVH campaign site] reference, and last the sender, only when that gives exactly one open case.
 */
class Issue4_RepliesMatchedInOrderTest {

    static final CaseRef ALPHA = new CaseRef("ADV-1", 1L, "ALPHA");
    static final CaseRef BETA = new CaseRef("ADV-1", 2L, "BETA");
    static final CaseRef GAMMA = new CaseRef("ADV-1", 3L, "GAMMA");

    /** Tickets 101 → ALPHA; thread of BETA; the advisory to the lists is a campaign-level message. */
    static final ReplyCases CASES = new ReplyCases() {
        public Optional<CaseRef> byRtTicket(long n) { return n == 101 ? Optional.of(ALPHA) : Optional.empty(); }
        public Optional<CaseRef> byTicketKey(String key) { return key.equals("ADV-1/GAMMA") ? Optional.of(GAMMA) : Optional.empty(); }
        public Optional<CaseRef> byMessageId(String id) {
            return Optional.ofNullable(Map.of("<case-2.abc@cvh>", BETA, "<advisory@cvh>", new CaseRef("ADV-1", null, null)).get(id));
        }
        public Optional<CaseRef> byReference(String campaign, String site) {
            return List.of(ALPHA, BETA, GAMMA).stream().filter(c -> c.campaignId().equals(campaign) && c.site().equals(site)).findFirst();
        }
        public List<CaseRef> openCasesWithContact(String address, Optional<String> campaign) {
            return switch (address) {
                case "cert@beta.example" -> List.of(BETA);
                case "security@ngi.example" -> List.of(ALPHA, BETA);
                default -> List.of();
            };
        }
    };

    private final ReplyMatcher matcher = new ReplyMatcher(CASES, java.util.Set.of("rt.example.org"));

    private ReplyMatcher.Match match(String subject, String sender, List<String> answered) {
        return matcher.match(new ReplyMatcher.Facts(subject, sender, answered, Optional.empty()));
    }

    @Test
    void the_rt_tag_wins_over_everything_else() {
        var m = match("Re: [rt.example.org #101] [CVH ADV-1 BETA] ticket", "cert@beta.example", List.of("<case-2.abc@cvh>"));
        assertThat(m.caseRef()).contains(ALPHA);
        assertThat(m.method()).isEqualTo("RT ticket #101");
    }

    @Test
    void another_rts_ticket_number_is_not_ours() {
        var m = match("Re: [NGI-Helpdesk #101] Re: [CVH ADV-1 BETA] advisory", "cert@beta.example", List.of());
        assertThat(m.caseRef()).contains(BETA);
        assertThat(m.method()).startsWith("subject reference");
    }

    @Test
    void the_ticket_the_correspondence_was_read_from_counts_as_its_rt_tag() {
        assertThat(matcher.match(new ReplyMatcher.Facts("RT #101", "x@y", List.of(), Optional.of(101L))).caseRef()).contains(ALPHA);
    }

    @Test
    void the_runtimes_ticket_tag_comes_next() {
        assertThat(match("Re: [cvh:ADV-1/GAMMA] ticket", "cert@beta.example", List.of("<case-2.abc@cvh>")).caseRef()).contains(GAMMA);
    }

    @Test
    void then_the_messages_it_answers() {
        var m = match("Re: something", "someone@else.example", List.of("<unknown@x>", "<case-2.abc@cvh>"));
        assertThat(m.caseRef()).contains(BETA);
        assertThat(m.method()).contains("answers <case-2.abc@cvh>");
    }

    @Test
    void then_the_campaign_and_site_reference_in_the_subject() {
        assertThat(match("AW: [CVH ADV-1 GAMMA] Erinnerung", "someone@else.example", List.of()).caseRef()).contains(GAMMA);
    }

    @Test
    void a_reply_to_the_lists_advisory_is_matched_by_its_sender_within_that_campaign() {
        var m = match("Re: ADVISORY", "cert@beta.example", List.of("<advisory@cvh>"));
        assertThat(m.caseRef()).contains(BETA);
        assertThat(m.method()).contains("only open case of ADV-1");
    }

    @Test
    void a_sender_with_several_open_cases_is_not_guessed() {
        var m = match("Re: ADVISORY", "security@ngi.example", List.of());
        assertThat(m.caseRef()).isEmpty();
        assertThat(m.method()).contains("ambiguous");
    }

    @Test
    void nothing_known_leaves_it_unmatched() {
        assertThat(match("Hello", "stranger@example.org", List.of()).caseRef()).isEmpty();
    }
}
