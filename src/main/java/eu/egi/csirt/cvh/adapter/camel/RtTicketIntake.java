package eu.egi.csirt.cvh.adapter.camel;

import eu.egi.csirt.cvh.adapter.mail.InboundMailStore;
import eu.egi.csirt.cvh.adapter.rt.RtClient;
import eu.egi.csirt.cvh.adapter.rt.RtConnector;
import eu.egi.csirt.cvh.adapter.rt.RtSource;
import eu.egi.csirt.cvh.adapter.rt.RtTicket;
import eu.egi.csirt.cvh.domain.campaign.Advisory;
import eu.egi.csirt.cvh.domain.campaign.AdvisoryScope;
import eu.egi.csirt.cvh.domain.engine.ProcedureEngine;
import eu.egi.csirt.cvh.port.SiteDirectory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SDIS step 1: the incident response team opens tickets in the queue by hand. Each new one that names a
 * CVE (subject) and a site (the site custom field, or a site name in the subject) is put under the SDIS
 * procedure as its own campaign, and the ticket is adopted (its subject gets the case's key), so cvh
 * answers and closes that ticket instead of opening a second one. Others are left to the officer, logged.
 */
public final class RtTicketIntake {

    private static final System.Logger LOG = System.getLogger(RtTicketIntake.class.getName());
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final String PREFIX = "rt-ticket:";

    private final Optional<RtSource> source;
    private final Optional<RtClient> rt;
    private final String siteCustomField;
    private final SiteDirectory directory;
    private final ProcedureEngine engine;
    private final InboundMailStore seen;
    private final String procedure;

    public RtTicketIntake(Optional<RtSource> source, Optional<RtClient> rt, String siteCustomField, SiteDirectory directory,
                          ProcedureEngine engine, InboundMailStore seen, String procedure) {
        this.source = source;
        this.rt = rt;
        this.siteCustomField = siteCustomField;
        this.directory = directory;
        this.engine = engine;
        this.seen = seen;
        this.procedure = procedure;
    }

    /** Returns how many tickets were put under the SDIS procedure. */
    public int poll() {
        if (source.isEmpty() || rt.isEmpty()) return 0;
        long after = seen.lastKey(PREFIX).map(k -> Long.parseLong(k.substring(PREFIX.length()))).orElse(0L);
        int adopted = 0;
        for (RtTicket ticket : source.get().ticketsOpenedByPeople(after)) {
            Optional<String> site = site(ticket);
            List<String> cves = cves(ticket.subject());
            String outcome;
            if (site.isEmpty() || cves.isEmpty()) {
                outcome = "RT #" + ticket.id() + " \"" + ticket.subject() + "\": no " + (cves.isEmpty() ? "CVE in the subject" : "known site")
                        + "; left to the officer";
                LOG.log(System.Logger.Level.WARNING, outcome);
            } else {
                String campaign = "RT-" + ticket.id();
                rt.get().setSubject(ticket.id(), RtConnector.subjectTag(campaign + "/" + site.get()) + " " + ticket.subject());
                engine.start(new Advisory(campaign, ticket.subject(), procedure, cves, "", "Ticket RT #" + ticket.id()
                        + " opened by " + ticket.creator(), ticket.created(), List.of(site.get()), false,
                        Optional.of(AdvisoryScope.INDIVIDUAL), "rt:#" + ticket.id()));
                outcome = "RT #" + ticket.id() + " put under " + procedure + " as campaign " + campaign + " for " + site.get();
                LOG.log(System.Logger.Level.INFO, outcome);
                adopted++;
            }
            seen.storeSeen(PREFIX + String.format("%015d", ticket.id()), "rt:ticket/" + ticket.id(), ticket.creator(),
                    ticket.subject(), outcome);
        }
        return adopted;
    }

    private Optional<String> site(RtTicket ticket) {
        if (siteCustomField != null && !siteCustomField.isBlank()) {
            List<String> values = ticket.customFields().getOrDefault(siteCustomField, List.of());
            if (!values.isEmpty() && !values.get(0).isBlank()) return Optional.of(values.get(0).trim());
        }
        return Arrays.stream(ticket.subject().split("[\\s,;:()\\[\\]]+"))
                .filter(word -> word.length() > 2 && directory.find(word).isPresent()).findFirst();
    }

    static List<String> cves(String subject) {
        Matcher m = CVE.matcher(subject);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) if (!out.contains(m.group())) out.add(m.group());
        return out;
    }
}
