package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.adapter.console.ConsoleService.CampaignSummary;
import eu.egi.csirt.cvh.adapter.console.ConsoleService.CampaignView;
import eu.egi.csirt.cvh.adapter.console.ConsoleService.DeadLetter;
import eu.egi.csirt.cvh.adapter.console.ConsoleService.NotificationView;
import eu.egi.csirt.cvh.adapter.console.ConsoleService.SiteDetail;
import eu.egi.csirt.cvh.adapter.console.ConsoleService.SiteView;
import eu.egi.csirt.cvh.adapter.console.ConsoleService.TimelineEntry;
import eu.egi.csirt.cvh.adapter.console.ConsoleUsers.Principal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The officer's web page, rendered on the server (no script): campaigns, the selected campaign's sites
 * (CSS classes {@code needs-decision}, {@code overdue}, {@code fixed}, {@code closed}), the selected
 * site's decision forms, §5.4 proof and timeline, and the dead-letter queue. Elements carry stable ids and
 * {@code data-*} attributes (e.g. {@code tr[data-site=ALPHA-LCG2] td[data-field=deadline]},
 * {@code form#extend-ALPHA-LCG2}) for people's scripts and browser tests.
 */
public final class ConsolePages {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ConsoleService service;

    public ConsolePages(ConsoleService service) {
        this.service = service;
    }

    public String page(Principal who, String campaignId, String siteName, String message, String error, String csrf) {
        Html h = new Html();
        h.raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>cvh - officer console</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>" + CSS + "</style></head><body>");
        h.raw("<header><h1>cvh &mdash; officer console</h1><p>Signed in as <span id=\"user\" data-role=\"")
                .text(who.role().name().toLowerCase()).raw("\">").text(who.name()).raw("</span> (").text(who.role().name().toLowerCase())
                .raw(") &middot; now <span id=\"now\" data-at=\"").text(service.now().toString()).raw("\">").text(human(service.now()))
                .raw("</span> &middot; <a href=\"/api/openapi.json\">API</a></p></header>");
        if (message != null && !message.isBlank()) h.raw("<p id=\"message\" class=\"message ok\">").text(message).raw("</p>");
        if (error != null && !error.isBlank()) h.raw("<p id=\"error\" class=\"message error\">").text(error).raw("</p>");

        List<CampaignSummary> campaigns = service.campaigns();
        if ((campaignId == null || campaignId.isBlank()) && !campaigns.isEmpty()) campaignId = campaigns.get(0).id();
        campaigns(h, campaigns, campaignId);
        if (who.mayAct()) upload(h, csrf);
        if (campaignId != null && !campaignId.isBlank()) {
            try {
                CampaignView view = service.campaign(campaignId);
                campaign(h, view, who, csrf, siteName);
                if (siteName != null && !siteName.isBlank()) site(h, service.site(campaignId, siteName), view, who, csrf);
            } catch (ConsoleException e) {
                h.raw("<p id=\"error\" class=\"message error\">").text(e.getMessage()).raw("</p>");
            }
        }
        deadLetters(h, service.deadLetters(), who, csrf);
        unmatched(h, service.unmatchedReplies(), who, csrf);
        h.raw("</body></html>");
        return h.toString();
    }

    private static void campaigns(Html h, List<CampaignSummary> campaigns, String selected) {
        h.raw("<section id=\"campaigns\"><h2>Campaigns</h2>");
        if (campaigns.isEmpty()) {
            h.raw("<p class=\"empty\">No campaign yet: upload an advisory below or drop one in the advisories folder.</p></section>");
            return;
        }
        h.raw("<table><thead><tr><th>campaign</th><th>title</th><th>status</th><th>deadline</th><th>sites</th><th>open</th>"
                + "<th>needs a decision</th><th>overdue</th><th>fixed</th><th>suspended</th></tr></thead><tbody>");
        for (CampaignSummary c : campaigns) {
            h.raw("<tr data-campaign=\"").text(c.id()).raw("\" class=\"campaign").raw(c.id().equals(selected) ? " selected" : "")
                    .raw(c.needsDecision() > 0 ? " needs-decision" : "").raw("\"><td><a id=\"campaign-").text(c.id()).raw("\" href=\"/?campaign=")
                    .text(url(c.id())).raw("\">").text(c.id()).raw("</a></td><td>").text(c.title()).raw("</td><td data-field=\"status\">")
                    .text(c.status()).raw("</td><td>").text(human(c.deadline())).raw("</td><td>").text(c.sites()).raw("</td><td>").text(c.open())
                    .raw("</td><td>").text(c.needsDecision()).raw("</td><td>").text(c.overdue()).raw("</td><td>").text(c.fixed())
                    .raw("</td><td>").text(c.suspended()).raw("</td></tr>");
        }
        h.raw("</tbody></table></section>");
    }

    private static void upload(Html h, String csrf) {
        h.raw("<details id=\"upload\"><summary>Start a campaign (advisory YAML, as in the advisories folder)</summary>"
                + "<form id=\"upload-advisory\" method=\"post\" action=\"/api/campaigns\">");
        csrf(h, csrf);
        h.raw("<textarea name=\"advisory\" rows=\"12\" cols=\"80\" placeholder=\"id: EGI-SVG-2026-31337&#10;title: ...&#10;cves: [CVE-2026-31337]"
                + "&#10;procedure: sec03-critical&#10;sites: from-pakiti\"></textarea><br>"
                + "<button type=\"submit\" id=\"upload-advisory-submit\">Start the campaign</button> "
                + "<button type=\"submit\" id=\"upload-heads-up-submit\" formaction=\"/api/heads-up\">Start with a heads-up (SEC03 2.1)</button>"
                + "</form></details>");
    }

    private static void campaign(Html h, CampaignView view, Principal who, String csrf, String selectedSite) {
        CampaignSummary c = view.campaign();
        h.raw("<section id=\"campaign\" data-campaign=\"").text(c.id()).raw("\" data-status=\"").text(c.status()).raw("\"><h2>")
                .text(c.id()).raw(": ").text(c.title()).raw("</h2><p>").text(String.join(", ", c.cves())).raw(" &middot; ").text(c.procedure())
                .raw(" &middot; issued ").text(human(c.issuedAt())).raw(" &middot; deadline ").text(human(c.deadline()))
                .raw(" &middot; status <b id=\"campaign-status\">").text(c.status()).raw("</b>");
        if (who.mayAct() && !c.status().equals("CLOSED")) {
            boolean paused = c.status().equals("PAUSED");
            String action = paused ? "resume" : "pause";
            h.raw(" <form class=\"inline\" id=\"").raw(action).raw("-campaign\" method=\"post\" action=\"/api/campaigns/").text(url(c.id()))
                    .raw("/").raw(action).raw("\">");
            csrf(h, csrf);
            h.raw("<button type=\"submit\" id=\"").raw(action).raw("-campaign-submit\">").raw(paused ? "Resume" : "Pause").raw("</button></form>");
        }
        h.raw(" &middot; reports: <a href=\"/api/campaigns/").text(url(c.id())).raw("/reports/omb-summary.md\">OMB summary (Markdown)</a>, <a href=\"/api/campaigns/")
                .text(url(c.id())).raw("/reports/omb-summary.html\">HTML</a>, <a href=\"/api/campaigns/").text(url(c.id()))
                .raw("/reports/unfixed-sites.csv\">unfixed sites (CSV)</a>, <a href=\"/api/campaigns/").text(url(c.id()))
                .raw("/audit.csv\">audit trail (CSV)</a>, <a href=\"/api/campaigns/").text(url(c.id())).raw("/audit\">(JSON)</a></p>");
        h.raw("<p class=\"legend\"><span class=\"needs-decision\">needs a decision</span> <span class=\"overdue\">overdue</span>"
                + " <span class=\"fixed\">fixed</span> <span class=\"closed\">closed</span></p>");
        h.raw("<table id=\"sites\"><thead><tr><th>site</th><th>NGI</th><th>state</th><th>next step</th><th>at</th><th>deadline</th>"
                + "<th>extension</th><th>notifications (SEC03 5.4)</th><th>Pakiti</th><th>site said</th></tr></thead><tbody>");
        for (SiteView s : view.sites()) {
            StringBuilder classes = new StringBuilder("site");
            if (s.needsDecision()) classes.append(" needs-decision");
            if (s.overdue()) classes.append(" overdue");
            if (s.fixed()) classes.append(" fixed");
            if (s.closed()) classes.append(" closed");
            if (s.site().equals(selectedSite)) classes.append(" selected");
            h.raw("<tr id=\"site-").text(s.site()).raw("\" data-site=\"").text(s.site()).raw("\" data-state=\"").text(s.state())
                    .raw("\" class=\"").text(classes.toString()).raw("\">")
                    .raw("<td data-field=\"site\"><a id=\"select-").text(s.site()).raw("\" href=\"/?campaign=").text(url(c.id())).raw("&amp;site=")
                    .text(url(s.site())).raw("#site-panel\">").text(s.site()).raw("</a></td>")
                    .raw("<td data-field=\"ngi\">").text(s.ngi()).raw("</td>")
                    .raw("<td data-field=\"state\">").text(s.state()).raw("</td>")
                    .raw("<td data-field=\"next-step\">").text(s.nextStep() == null ? (s.needsDecision() ? "officer's decision" : "-")
                            : s.nextStep().step() + " (" + s.nextStep().section() + ")").raw("</td>")
                    .raw("<td data-field=\"next-at\" data-at=\"").text(s.nextStep() == null ? "" : s.nextStep().at().toString()).raw("\">")
                    .text(s.nextStep() == null ? "" : human(s.nextStep().at())).raw("</td>")
                    .raw("<td data-field=\"deadline\" data-deadline=\"").text(s.deadline().toString()).raw("\">").text(human(s.deadline())).raw("</td>")
                    .raw("<td data-field=\"extension\">").text(s.deadlineReason() == null ? "" : s.deadlineReason()).raw("</td>")
                    .raw("<td data-field=\"notifications\" data-count=\"").text(s.notifications().count()).raw("\">")
                    .text(s.notifications().count()).raw(" (").text(s.notifications().individual()).raw(" individual)</td>")
                    .raw("<td data-field=\"pakiti\">").text(s.pakiti().state())
                    .text(s.pakiti().vulnerableHosts() > 0 ? ", " + s.pakiti().vulnerableHosts() + " host(s)" : "")
                    .text(s.pakiti().observedAt() == null ? "" : " at " + human(s.pakiti().observedAt())).raw("</td>")
                    .raw("<td data-field=\"statement\">").text(s.statement() == null ? (s.acknowledgedAt() != null ? "acknowledged" : "") : s.statement())
                    .text(s.pendingDecision() == null || s.closed() ? "" : " [asked: " + s.pendingDecision() + "]")
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table></section>");
    }

    private static void site(Html h, SiteDetail detail, CampaignView view, Principal who, String csrf) {
        SiteView s = detail.site();
        String base = "/api/campaigns/" + url(view.campaign().id()) + "/sites/" + url(s.site()) + "/";
        h.raw("<section id=\"site-panel\" data-site=\"").text(s.site()).raw("\"><h2>").text(s.site()).raw(" &mdash; ").text(s.state()).raw("</h2>");
        h.raw("<p>Deadline <span id=\"site-deadline\" data-deadline=\"").text(s.deadline().toString()).raw("\">").text(human(s.deadline()))
                .raw("</span>").text(s.deadlineReason() == null ? "" : " (extended: " + s.deadlineReason() + ")")
                .text(s.ticket() == null ? "" : " · ticket " + s.ticket()).text(s.closeReason() == null ? "" : " · " + s.closeReason()).raw("</p>");
        if (s.pendingDecision() != null && !s.closed()) {
            h.raw("<p id=\"pending-decision\" class=\"needs-decision\">Your decision is asked: ").text(s.pendingDecision()).raw("</p>");
        }
        if (who.mayAct() && !s.closed()) {
            h.raw("<div class=\"decisions\">");
            form(h, "extend-" + s.site(), base + "extension", "Grant an extension (SEC03 4.3)", csrf,
                    "<label>new deadline <input type=\"text\" name=\"newDeadline\" id=\"extend-" + attr(s.site())
                            + "-deadline\" placeholder=\"2026-12-08T10:00:00Z\" required></label>"
                            + "<label>by <select name=\"by\" id=\"extend-" + attr(s.site()) + "-by\"><option>CSIRT</option><option>OMB</option></select></label>"
                            + reason("extend-" + s.site()), "extend-" + s.site() + "-submit", "Grant extension");
            if (s.state().equals("SUSPENSION_PROPOSED")) {
                form(h, "confirm-" + s.site(), base + "confirm-suspension", "Confirm the proposed suspension (SEC03 4.2)", csrf,
                        reason("confirm-" + s.site()), "confirm-" + s.site() + "-submit", "Confirm suspension");
            }
            if (s.state().equals("SUSPENSION_PROPOSED") || s.state().equals("SUSPENSION_REQUESTED")) {
                form(h, "cancel-" + s.site(), base + "cancel-suspension", "Do not suspend (SEC03 4; a request to the coordinator is withdrawn)",
                        csrf, reason("cancel-" + s.site()), "cancel-" + s.site() + "-submit", "Cancel suspension");
            }
            form(h, "veto-" + s.site(), base + "veto", "Record a veto (SEC03 4.4)", csrf,
                    "<label>by <select name=\"by\" id=\"veto-" + attr(s.site()) + "-by\"><option>OMB-majority</option><option>COO</option></select></label>"
                            + reason("veto-" + s.site()), "veto-" + s.site() + "-submit", "Record veto");
            form(h, "accept-" + s.site(), base + "accept", "Accept a mitigation or explanation (SEC03 7.2)", csrf,
                    "<label>what <input type=\"text\" name=\"what\" id=\"accept-" + attr(s.site()) + "-what\" required></label>",
                    "accept-" + s.site() + "-submit", "Accept");
            form(h, "refuse-" + s.site(), base + "refuse", "Refuse a mitigation or explanation", csrf,
                    "<label>what <input type=\"text\" name=\"what\" id=\"refuse-" + attr(s.site()) + "-what\" required></label>",
                    "refuse-" + s.site() + "-submit", "Refuse");
            form(h, "false-positive-" + s.site(), base + "false-positive", "Mark a false positive (host empty: the whole site)", csrf,
                    "<label>host <input type=\"text\" name=\"host\" id=\"false-positive-" + attr(s.site()) + "-host\"></label>"
                            + reason("false-positive-" + s.site()), "false-positive-" + s.site() + "-submit", "Mark false positive");
            h.raw("</div>");
        }
        if (who.mayAct() && s.state().equals("SUSPENDED")) {
            form(h, "reinstatement-" + s.site(), base + "reinstatement", "Answer the ROD's reinstatement request (SEC03 4.6)", csrf, "",
                    "reinstatement-" + s.site() + "-submit", "Answer from the latest monitoring data");
        }
        h.raw("<h3>Notifications that count (SEC03 5.4): ").text(s.notifications().count()).raw(" &mdash; ").text(s.notifications().reason())
                .raw("</h3><ol id=\"proof-").text(s.site()).raw("\">");
        for (NotificationView n : s.notifications().delivered()) {
            h.raw("<li data-kind=\"").text(n.kind()).raw("\" data-delivered=\"").text(n.deliveredAt().toString()).raw("\">").text(human(n.deliveredAt()))
                    .raw(" &middot; ").text(n.kind()).raw(n.individual() ? " (individual)" : " (by list)").raw(" &middot; ").text(n.subject()).raw("</li>");
        }
        h.raw("</ol><h3>Timeline</h3><table id=\"timeline\"><thead><tr><th>when</th><th>what</th><th>who</th><th>status</th><th>detail</th></tr></thead><tbody>");
        for (TimelineEntry t : detail.timeline()) {
            h.raw("<tr class=\"timeline-entry ").text(t.source()).raw("\" data-source=\"").text(t.source()).raw("\" data-type=\"").text(t.type())
                    .raw("\"><td data-at=\"").text(t.at().toString()).raw("\">").text(human(t.at())).raw("</td><td>").text(t.type()).raw("</td><td>")
                    .text(t.actor()).raw("</td><td>").text(t.status()).raw("</td><td>").text(t.detail()).raw("</td></tr>");
        }
        h.raw("</tbody></table></section>");
    }

    private static void deadLetters(Html h, List<DeadLetter> dead, Principal who, String csrf) {
        h.raw("<section id=\"dead-letters\"><h2>Dead letters</h2>");
        if (dead.isEmpty()) {
            h.raw("<p class=\"empty\">None: every action was delivered or is being retried.</p></section>");
            return;
        }
        h.raw("<table><thead><tr><th>id</th><th>campaign</th><th>site</th><th>what</th><th>attempts</th><th>last error</th><th></th></tr></thead><tbody>");
        for (DeadLetter d : dead) {
            h.raw("<tr data-outbox-id=\"").text(d.id()).raw("\"><td>").text(d.id()).raw("</td><td>").text(d.campaignId()).raw("</td><td>")
                    .text(d.site() == null ? "" : d.site()).raw("</td><td>").text(d.channel() + " " + d.kind() + ": " + (d.subject() == null ? "" : d.subject()))
                    .raw("</td><td>").text(d.attempts()).raw("</td><td>").text(d.lastError() == null ? "" : d.lastError()).raw("</td><td>");
            if (who.mayAct()) {
                h.raw("<form class=\"inline\" id=\"retry-").text(d.id()).raw("\" method=\"post\" action=\"/api/dead-letters/").text(d.id()).raw("/retry\">");
                csrf(h, csrf);
                h.raw("<button type=\"submit\" id=\"retry-").text(d.id()).raw("-submit\">Retry</button></form>");
            }
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table></section>");
    }

    private static void unmatched(Html h, List<eu.egi.csirt.cvh.adapter.store.JdbcConsoleQueries.Reply> replies, Principal who, String csrf) {
        h.raw("<section id=\"unmatched\"><h2>Unmatched and held replies</h2>");
        if (replies.isEmpty()) {
            h.raw("<p class=\"empty\">None: every reply was matched to a site and understood.</p></section>");
            return;
        }
        h.raw("<table><thead><tr><th>received</th><th>status</th><th>from</th><th>subject</th><th>intent</th><th>why held</th>");
        if (who.mayAct()) h.raw("<th>settle or set aside</th>");
        h.raw("</tr></thead><tbody>");
        for (var r : replies) {
            h.raw("<tr data-reply-id=\"").text(r.id()).raw("\" data-status=\"").text(r.status()).raw("\"><td>").text(human(r.receivedAt()))
                    .raw("</td><td>").text(r.status()).raw("</td><td>").text(r.sender() == null ? "" : r.sender()).raw("</td><td>")
                    .text(r.subject() == null ? "" : r.subject()).raw("</td><td>").text(r.intent() == null ? "" : r.intent()).raw("</td><td>")
                    .text(r.heldReason() == null ? "" : r.heldReason()).raw("</td>");
            if (who.mayAct()) {
                String id = "settle-" + r.id();
                h.raw("<td><form class=\"inline\" id=\"").text(id).raw("\" method=\"post\" action=\"/api/replies/").text(r.id()).raw("/settle\">");
                csrf(h, csrf);
                h.raw("<input type=\"text\" name=\"campaign\" id=\"").text(id).raw("-campaign\" placeholder=\"campaign\" value=\"")
                        .text(r.campaignId() == null ? "" : r.campaignId()).raw("\" required>");
                h.raw("<input type=\"text\" name=\"site\" id=\"").text(id).raw("-site\" placeholder=\"site\" value=\"")
                        .text(r.site() == null ? "" : r.site()).raw("\" required>");
                h.raw("<select name=\"intent\" id=\"").text(id).raw("-intent\">");
                for (String intent : List.of("acknowledged", "fixed", "mitigated", "not-vulnerable", "needs-help", "needs-time", "bounce")) {
                    h.raw("<option>").text(intent).raw("</option>");
                }
                h.raw("</select><button type=\"submit\" id=\"").text(id).raw("-submit\">Settle</button></form>");
                String dismiss = "dismiss-" + r.id();
                h.raw("<form class=\"inline\" id=\"").text(dismiss).raw("\" method=\"post\" action=\"/api/replies/").text(r.id()).raw("/dismiss\">");
                csrf(h, csrf);
                h.raw("<input type=\"text\" name=\"reason\" id=\"").text(dismiss).raw("-reason\" placeholder=\"reason\" required>")
                        .raw("<button type=\"submit\" id=\"").text(dismiss).raw("-submit\">Set aside</button></form></td>");
            }
            h.raw("</tr>");
        }
        h.raw("</tbody></table></section>");
    }

    private static void form(Html h, String id, String action, String title, String csrf, String fields, String submitId, String label) {
        h.raw("<form class=\"decision\" id=\"").text(id).raw("\" method=\"post\" action=\"").text(action).raw("\"><fieldset><legend>")
                .text(title).raw("</legend>");
        csrf(h, csrf);
        h.raw(fields).raw("<button type=\"submit\" id=\"").text(submitId).raw("\">").text(label).raw("</button></fieldset></form>");
    }

    private static String reason(String formId) {
        return "<label>reason <input type=\"text\" name=\"reason\" id=\"" + attr(formId) + "-reason\" required></label>";
    }

    private static void csrf(Html h, String csrf) {
        h.raw("<input type=\"hidden\" name=\"csrf\" value=\"").text(csrf).raw("\">");
    }

    static String human(Instant t) {
        return t == null ? "" : HUMAN.format(t);
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String attr(String s) {
        return Html.escape(s);
    }

    /** HTML built with every text escaped. */
    static final class Html {
        private final StringBuilder b = new StringBuilder(16_384);

        Html raw(String s) {
            b.append(s);
            return this;
        }

        Html text(Object o) {
            b.append(escape(String.valueOf(o)));
            return this;
        }

        static String escape(String s) {
            StringBuilder out = new StringBuilder(s.length() + 16);
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(ch);
                }
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1em 2em;color:#222}
            table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
            th{background:#f0f0f0}.needs-decision{background:#ffe9a8}.overdue{background:#ffd0d0}.fixed{background:#d6f5d6}
            .closed{color:#666}.selected td{font-weight:bold}.message{padding:.5em;border-radius:4px}.ok{background:#e0f0ff}
            .error{background:#ffd0d0}.legend span{padding:.1em .5em;border:1px solid #ccc}.decisions{display:flex;flex-wrap:wrap;gap:.5em}
            form.decision fieldset{border:1px solid #ccc}form.inline{display:inline}label{margin-right:.5em}.empty{color:#666}
            """;
}
