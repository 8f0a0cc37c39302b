package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.adapter.console.ConsoleService.CampaignView;
import eu.egi.csirt.cvh.adapter.console.ConsoleService.SiteView;
import eu.egi.csirt.cvh.domain.campaign.AuditEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Downloads: the OMB summary with the list of unfixed sites (SEC03 2.6, 4.1.2) as Markdown, HTML and CSV,
 * and a campaign's whole audit trail as CSV (JSON is the API's).
 */
public final class ConsoleReports {

    private static final String[] UNFIXED_HEADER = {"site", "ngi", "state", "deadline", "response", "plans", "recommend_suspension",
            "notifications", "pakiti", "vulnerable_hosts", "pakiti_observed_at"};

    private final ConsoleService service;

    public ConsoleReports(ConsoleService service) {
        this.service = service;
    }

    /** A site still to act on: open, and not shown fixed by the monitoring. */
    private static boolean unfixed(SiteView s) {
        return !s.closed() && !s.pakiti().state().equals("FIXED");
    }

    private static String response(SiteView s) {
        if (s.statement() != null) return "the site stated: " + s.statement();
        if (s.acknowledgedAt() != null) return "acknowledged on " + ConsolePages.human(s.acknowledgedAt()) + ", no solution announced";
        return "no response";
    }

    private static String plans(SiteView s) {
        return s.deadlineReason() == null ? "" : "extension to " + ConsolePages.human(s.deadline()) + ": " + s.deadlineReason();
    }

    /** As the engine's OMB summary: suspension is recommended unless the site was given more time. */
    private static boolean recommend(SiteView s, CampaignView view) {
        return !s.deadline().isAfter(view.campaign().deadline());
    }

    private static List<SiteView> unfixedSites(CampaignView view) {
        return view.sites().stream().filter(ConsoleReports::unfixed).toList();
    }

    public String ombSummaryMarkdown(String campaignId) {
        CampaignView view = service.campaign(campaignId);
        var c = view.campaign();
        List<SiteView> unfixed = unfixedSites(view);
        StringBuilder b = new StringBuilder();
        b.append("# OMB summary: ").append(c.id()).append(" - ").append(c.title()).append("\n\n");
        b.append("- CVE: ").append(String.join(", ", c.cves())).append('\n');
        b.append("- Advisory issued ").append(ConsolePages.human(c.issuedAt())).append(", deadline ").append(ConsolePages.human(c.deadline()))
                .append(", advisory to ").append(c.scope().equals("LISTS") ? "the site and NGI security contact lists" : "each site").append('\n');
        b.append("- Sites: ").append(c.sites()).append(" (fixed ").append(c.fixed()).append(", suspended ").append(c.suspended())
                .append(", open ").append(c.open()).append(")\n");
        b.append("- Report made ").append(ConsolePages.human(service.now())).append("\n\n");
        if (unfixed.isEmpty()) {
            b.append("All sites updated.\n");
            return b.toString();
        }
        b.append("## Sites not fixed (SEC03 4.1.2)\n\n| site | NGI | state | deadline | response | plans / extension | suspension recommended |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (SiteView s : unfixed) {
            b.append("| ").append(md(s.site())).append(" | ").append(md(s.ngi())).append(" | ").append(s.state()).append(" | ")
                    .append(ConsolePages.human(s.deadline())).append(" | ").append(md(response(s))).append(" | ").append(md(plans(s)))
                    .append(" | ").append(recommend(s, view) ? "yes" : "no").append(" |\n");
        }
        return b.toString();
    }

    public String ombSummaryHtml(String campaignId) {
        CampaignView view = service.campaign(campaignId);
        var c = view.campaign();
        ConsolePages.Html h = new ConsolePages.Html();
        h.raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>OMB summary ").text(c.id()).raw("</title></head><body>");
        h.raw("<h1>OMB summary: ").text(c.id()).raw(" - ").text(c.title()).raw("</h1><ul><li>CVE: ").text(String.join(", ", c.cves()))
                .raw("</li><li>Advisory issued ").text(ConsolePages.human(c.issuedAt())).raw(", deadline ").text(ConsolePages.human(c.deadline()))
                .raw("</li><li>Sites: ").text(c.sites()).raw(" (fixed ").text(c.fixed()).raw(", suspended ").text(c.suspended()).raw(", open ")
                .text(c.open()).raw(")</li><li>Report made ").text(ConsolePages.human(service.now())).raw("</li></ul>");
        List<SiteView> unfixed = unfixedSites(view);
        if (unfixed.isEmpty()) {
            h.raw("<p id=\"all-updated\">All sites updated.</p></body></html>");
            return h.toString();
        }
        h.raw("<h2>Sites not fixed (SEC03 4.1.2)</h2><table id=\"unfixed-sites\" border=\"1\"><thead><tr><th>site</th><th>NGI</th><th>state</th>"
                + "<th>deadline</th><th>response</th><th>plans / extension</th><th>suspension recommended</th></tr></thead><tbody>");
        for (SiteView s : unfixed) {
            h.raw("<tr data-site=\"").text(s.site()).raw("\"><td>").text(s.site()).raw("</td><td>").text(s.ngi()).raw("</td><td>").text(s.state())
                    .raw("</td><td>").text(ConsolePages.human(s.deadline())).raw("</td><td>").text(response(s)).raw("</td><td>").text(plans(s))
                    .raw("</td><td>").text(recommend(s, view) ? "yes" : "no").raw("</td></tr>");
        }
        h.raw("</tbody></table></body></html>");
        return h.toString();
    }

    public String unfixedSitesCsv(String campaignId) {
        CampaignView view = service.campaign(campaignId);
        return csv(UNFIXED_HEADER, p -> {
            for (SiteView s : unfixedSites(view)) {
                p.printRecord(s.site(), s.ngi(), s.state(), s.deadline(), response(s), plans(s), recommend(s, view), s.notifications().count(),
                        s.pakiti().state(), s.pakiti().vulnerableHosts(), s.pakiti().observedAt() == null ? "" : s.pakiti().observedAt());
            }
        });
    }

    public String auditCsv(String campaignId) {
        List<AuditEntry> audit = service.audit(campaignId);
        return csv(new String[] {"at", "campaign", "site", "case", "actor", "event", "detail"}, p -> {
            for (AuditEntry a : audit) {
                p.printRecord(a.at(), a.campaignId(), a.site() == null ? "" : a.site(), a.caseId() == null ? "" : a.caseId(), a.actor(),
                        a.event(), a.detail() == null ? "" : a.detail());
            }
        });
    }

    private interface Rows {
        void print(CSVPrinter p) throws IOException;
    }

    private static String csv(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            rows.print(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String md(String s) {
        // a site's words come from its mail: no links, images, HTML or code spans of its own in the OMB's report
        return s == null ? "" : s.replaceAll("([\\\\`\\[\\]<>|])", "\\\\$1").replace("\r", " ").replace("\n", " ");
    }
}
