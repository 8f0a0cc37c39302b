package eu.egi.csirt.cvh.domain.engine;

import java.time.Instant;

/** What an officer (or the OMB, the COO, a ROD, a site's reply) decides about one site of a campaign. */
public sealed interface Decision {
    String campaignId();
    String site();
    String actor();

    /** SEC03 4.3: more time for one site, by the CSIRT or at the OMB's request. */
    record Extend(String campaignId, String site, Instant newDeadline, String grantedBy, String reason, String actor) implements Decision {}

    /** SEC03 4.4: OMB majority or COO: no suspension. */
    record Veto(String campaignId, String site, String by, String reason, String actor) implements Decision {}

    /** SEC03 4.2: the officer confirms a proposed suspension. */
    record ConfirmSuspension(String campaignId, String site, String reason, String actor) implements Decision {}

    /** SEC03 4: the CSIRT decides not to suspend. */
    record CancelSuspension(String campaignId, String site, String reason, String actor) implements Decision {}

    /** SEC03 7.2: a mitigation or explanation is accepted; the suspension path stops. */
    record Accept(String campaignId, String site, String what, String actor) implements Decision {}

    /** SEC03 7.3: a mitigation, explanation or request is not accepted; the site is told, the deadline stands. */
    record Refuse(String campaignId, String site, String reason, String actor) implements Decision {}

    /** SEC03 4.6: a ROD asks whether a suspended site can be certified again. */
    record ReinstatementRequest(String campaignId, String site, String actor) implements Decision {}

    /** A site's reply, already understood (SDIS 2b/3a; inbound processing feeds this). */
    record SiteReply(String campaignId, String site, ReplyIntent intent, String text, String actor) implements Decision {}
}
