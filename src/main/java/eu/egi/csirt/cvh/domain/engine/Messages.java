package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;
import eu.egi.csirt.cvh.domain.campaign.Campaign;
import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.ListAddresses;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.domain.campaign.SiteCase;
import eu.egi.csirt.cvh.domain.campaign.SiteContacts;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import eu.egi.csirt.cvh.domain.procedure.Role;
import eu.egi.csirt.cvh.port.SiteDirectory;
import eu.egi.csirt.cvh.port.TextRenderer;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders texts, resolves recipients and builds outbox entries. Sends nothing. */
final class Messages {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    private final TextRenderer renderer;
    private final SiteDirectory directory;
    private final EngineSettings settings;
    private final WorkingCalendar calendar;

    Messages(TextRenderer renderer, SiteDirectory directory, EngineSettings settings, WorkingCalendar calendar) {
        this.renderer = renderer;
        this.directory = directory;
        this.settings = settings;
        this.calendar = calendar;
    }

    String human(Instant t) {
        return t == null ? "" : HUMAN.format(t.atZone(calendar.zone()));
    }

    SiteContacts contacts(String site) {
        return directory.find(site).orElse(SiteContacts.unknown(site));
    }

    static String reference(String campaignId, String site) {
        return site == null ? "[CVH " + campaignId + "]" : "[CVH " + campaignId + " " + site + "]";
    }

    /** The model every template sees; callers add their own fields. */
    Map<String, Object> model(Campaign campaign, SiteCase siteCase, Instant now) {
        Map<String, Object> m = new HashMap<>();
        m.put("ref", reference(campaign.id(), siteCase == null ? null : siteCase.site()));
        m.put("csirt", Map.of("name", settings.csirtName(), "email", settings.csirtEmail()));
        Map<String, Object> c = new HashMap<>();
        c.put("id", campaign.id());
        c.put("title", campaign.title());
        c.put("cves", campaign.cveList());
        c.put("advisoryUrl", campaign.advisoryUrl() == null ? "" : campaign.advisoryUrl());
        c.put("advisoryText", campaign.advisoryText() == null ? "" : campaign.advisoryText());
        c.put("issued", human(campaign.issuedAt()));
        c.put("deadline", human(campaign.deadline()));
        m.put("campaign", c);
        m.put("deadline", human(siteCase == null ? campaign.deadline() : siteCase.deadline()));
        m.put("checkedAt", human(now));
        if (siteCase != null) {
            SiteContacts contacts = contacts(siteCase.site());
            m.put("site", Map.of("name", siteCase.site(), "ngi", contacts.ngi(),
                    "portal", contacts.portalUrl() == null ? "" : contacts.portalUrl()));
            m.put("detected", human(siteCase.detectedAt()));
            m.put("ticket", siteCase.ticketRef() == null ? "" : siteCase.ticketRef());
        }
        return m;
    }

    List<String> resolve(List<Role> roles, String site) {
        Set<String> out = new LinkedHashSet<>();
        SiteContacts contacts = site == null ? null : contacts(site);
        ListAddresses lists = settings.lists();
        for (Role role : roles) {
            switch (role) {
                case SITE_SECURITY -> out.addAll(contacts.siteSecurity());
                case SITE_ADMIN -> out.addAll(contacts.siteAdmins());
                case NGI_SECURITY -> out.addAll(contacts.ngiSecurity());
                case OPERATIONAL -> out.addAll(contacts.operational());
                case ROD -> out.addAll(contacts.rod());
                case SITE_SECURITY_LIST -> out.add(lists.siteSecurityList());
                case NGI_SECURITY_LIST -> out.add(lists.ngiSecurityList());
                case OMB -> out.add(lists.omb());
                case COO -> out.add(lists.coo());
                case CSIRT -> out.add(lists.csirt());
                case COORDINATOR -> out.add(lists.coordinator());
                case IRTF -> out.add(lists.irtf());
            }
        }
        out.removeIf(a -> a == null || a.isBlank());
        return List.copyOf(out);
    }

    /**
     * A mail as an outbox entry. A site mail without any resolvable address goes to the CSIRT
     * instead, marked, so it is never silently lost.
     */
    OutboxEntry mail(String key, Campaign campaign, SiteCase siteCase, String kind, NotificationKind notification,
                     String template, Map<String, Object> model, List<Role> to, List<Role> cc, Instant now) {
        String site = siteCase == null ? null : siteCase.site();
        List<String> toAddresses = resolve(to, site);
        List<String> ccAddresses = new ArrayList<>(resolve(cc, site));
        TextRenderer.Text text = renderer.render(template, model);
        String subject = text.subject();
        if (toAddresses.isEmpty()) {
            toAddresses = List.of(settings.lists().csirt());
            subject = "[NO CONTACT for " + site + "] " + subject;
            notification = NotificationKind.NONE;
        }
        ccAddresses.removeAll(toAddresses);
        return new OutboxEntry(key + "/mail", campaign.id(), siteCase == null ? null : siteCase.id(), site, Channel.MAIL,
                kind, "send", notification, toAddresses, List.copyOf(ccAddresses), subject, text.body(),
                reference(campaign.id(), site), null, now);
    }

    /**
     * The matching RT action; its reference is the case's stable ticket key, which the RT connector
     * uses to find the ticket (so a retry never opens a second one).
     */
    OutboxEntry ticket(String key, OutboxEntry mail, String operation, SiteCase siteCase, NotificationKind notification) {
        return new OutboxEntry(key + "/rt", mail.campaignId(), mail.caseId(), mail.site(), Channel.RT, mail.kind(),
                operation, notification, mail.to(), mail.cc(), mail.subject(), mail.body(), siteCase.ticketRef(),
                siteCase.deadline(), mail.createdAt());
    }

    /** The stable key of a site case's ticket: campaign, site and, after a re-introduction, the round. */
    static String ticketKey(SiteCase c) {
        return c.campaignId() + "/" + c.site() + (c.round() > 1 ? "/" + c.round() : "");
    }

    OutboxEntry action(String key, Campaign campaign, SiteCase siteCase, Channel channel, String kind, String operation,
                       String subject, String body, Instant now) {
        return new OutboxEntry(key + "/" + channel.name().toLowerCase(Locale.ROOT), campaign.id(), siteCase.id(),
                siteCase.site(), channel, kind, operation, NotificationKind.NONE, List.of(), List.of(), subject, body,
                siteCase.ticketRef(), null, now);
    }
}
