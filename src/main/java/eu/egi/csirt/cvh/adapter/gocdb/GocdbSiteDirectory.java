package eu.egi.csirt.cvh.adapter.gocdb;

import eu.egi.csirt.cvh.domain.campaign.SiteContacts;
import eu.egi.csirt.cvh.port.SiteDirectory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Site contacts from GOCDB. The whole directory (sites, site contacts, NGIs: three paged calls) is one snapshot,
 * refreshed when older than the TTL, so a campaign over a thousand sites does not make a thousand calls. A refresh that
 * fails, or that would replace a non-empty directory with an empty one, keeps the last good snapshot in use (warning
 * logged) and is retried after {@code retryAfterFailure}: a GOCDB outage never stops a campaign.
 *
 * <p>Mapping (issue 3): ngi = ROC; site security = CSIRT_EMAIL, else the Site Security Officers; site admins = Site
 * Administrators; NGI security = the NGI's SECURITY_EMAIL; operational = CONTACT_EMAIL and the Site Operations
 * Managers; ROD = the NGI's ROD_EMAIL.
 */
public final class GocdbSiteDirectory implements SiteDirectory {

    public static final Set<String> CERTIFIED_ONLY = Set.of("Certified");
    static final String SITE_ADMINISTRATOR = "Site Administrator";
    static final String SITE_SECURITY_OFFICER = "Site Security Officer";
    static final String SITE_OPERATIONS_MANAGER = "Site Operations Manager";

    private static final System.Logger LOG = System.getLogger(GocdbSiteDirectory.class.getName());

    /** What one successful refresh saw; site names are matched ignoring case. */
    private record Snapshot(Map<String, SiteContacts> contacts, Map<String, String> statuses, Instant loadedAt) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Instant.MIN);
    }

    private final GocdbClient gocdb;
    private final Clock clock;
    private final Duration ttl;
    private final Duration retryAfterFailure;
    private final Set<String> participatingStatuses;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private Instant lastFailure = Instant.MIN; // guarded by this

    /**
     * @param participatingStatuses certification statuses whose sites take part in campaigns (default
     *                              {@link #CERTIFIED_ONLY}); compared ignoring case
     * @param retryAfterFailure     how long a failed refresh waits before the next try (so an outage costs one
     *                              timeout per interval, not one per site)
     */
    public GocdbSiteDirectory(GocdbClient gocdb, Clock clock, Duration ttl, Collection<String> participatingStatuses,
                              Duration retryAfterFailure) {
        this.gocdb = Objects.requireNonNull(gocdb, "gocdb");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("cache TTL must be positive");
        this.ttl = ttl;
        this.retryAfterFailure = Objects.requireNonNull(retryAfterFailure, "retryAfterFailure");
        TreeSet<String> statuses = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        participatingStatuses.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(statuses::add);
        if (statuses.isEmpty()) throw new IllegalArgumentException("no participating certification status configured");
        this.participatingStatuses = statuses;
    }

    /** Certified-only, a failed refresh retried after at most a minute. */
    public GocdbSiteDirectory(GocdbClient gocdb, Clock clock, Duration ttl) {
        this(gocdb, clock, ttl, CERTIFIED_ONLY, ttl.compareTo(Duration.ofMinutes(1)) < 0 ? ttl : Duration.ofMinutes(1));
    }

    @Override
    public Optional<SiteContacts> find(String site) {
        return Optional.ofNullable(current().contacts().get(site));
    }

    /** The site's GOCDB certification status (Certified, Uncertified, Suspended, Closed, Candidate) as last seen. */
    public Optional<String> certificationStatus(String site) {
        return Optional.ofNullable(current().statuses().get(site));
    }

    /** Whether the site takes part in campaigns: its status is one of the configured ones. Unknown sites do not. */
    public boolean isParticipating(String site) {
        return certificationStatus(site).map(participatingStatuses::contains).orElse(false);
    }

    /**
     * Reads GOCDB now (e.g. at start-up). Returns whether the snapshot was replaced; on failure the last good data
     * stays in use.
     */
    public synchronized boolean refresh() {
        Instant now = clock.instant();
        Snapshot previous = snapshot;
        try {
            List<GocdbClient.Site> sites = gocdb.sites();
            if (sites.isEmpty() && !previous.contacts().isEmpty()) {
                // an empty answer is far likelier a GOCDB or scope problem than every site gone
                LOG.log(System.Logger.Level.WARNING, "GOCDB returned no sites; keeping the " + previous.contacts().size()
                        + " sites read at " + previous.loadedAt());
                lastFailure = now;
                return false;
            }
            snapshot = build(sites, gocdb.siteContacts(), gocdb.ngis(), now);
            return true;
        } catch (RuntimeException e) { // GocdbException, or data we could not map: either way keep what we have
            lastFailure = now;
            LOG.log(System.Logger.Level.WARNING, (previous == Snapshot.EMPTY
                    ? "GOCDB not readable and no site contacts read yet: "
                    : "GOCDB not readable, using site contacts read at " + previous.loadedAt() + ": ") + e.getMessage());
            return false;
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (now.isBefore(s.loadedAt().plus(ttl))) return s;
        synchronized (this) {
            s = snapshot;
            boolean stale = !now.isBefore(s.loadedAt().plus(ttl));
            boolean mayRetry = !now.isBefore(lastFailure.plus(retryAfterFailure));
            if (stale && mayRetry) refresh();
            return snapshot;
        }
    }

    private static Snapshot build(List<GocdbClient.Site> sites, List<GocdbClient.Contact> contacts,
                                  List<GocdbClient.Ngi> ngis, Instant now) {
        Map<String, List<GocdbClient.Contact>> contactsBySite = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (GocdbClient.Contact c : contacts) contactsBySite.computeIfAbsent(c.site(), k -> new ArrayList<>()).add(c);
        Map<String, GocdbClient.Ngi> ngiByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (GocdbClient.Ngi n : ngis) ngiByName.put(n.name(), n);

        Map<String, SiteContacts> bySite = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> statuses = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (GocdbClient.Site site : sites) {
            List<GocdbClient.Contact> people = contactsBySite.getOrDefault(site.name(), List.of());
            Optional<GocdbClient.Ngi> ngi = Optional.ofNullable(ngiByName.get(site.ngi()));
            List<String> csirt = addresses(site.csirtEmail());
            List<String> siteSecurity = csirt.isEmpty() ? emailsOf(people, SITE_SECURITY_OFFICER) : csirt;
            List<String> operational = distinct(addresses(site.contactEmail()), emailsOf(people, SITE_OPERATIONS_MANAGER));
            bySite.put(site.name(), new SiteContacts(site.name(), site.ngi(), siteSecurity,
                    emailsOf(people, SITE_ADMINISTRATOR),
                    ngi.map(n -> addresses(n.securityEmail())).orElse(List.of()), operational,
                    ngi.map(n -> addresses(n.rodEmail())).orElse(List.of()),
                    site.portalUrl() == null ? "" : site.portalUrl()));
            statuses.put(site.name(), site.certificationStatus());
            if (ngi.isEmpty()) LOG.log(System.Logger.Level.WARNING, "GOCDB site " + site.name() + ": NGI '" + site.ngi()
                    + "' not in get_ngi; no NGI security or ROD contact");
        }
        return new Snapshot(unmodifiable(bySite), unmodifiable(statuses), now);
    }

    private static <V> Map<String, V> unmodifiable(Map<String, V> caseInsensitive) {
        return java.util.Collections.unmodifiableMap(caseInsensitive); // Map.copyOf would lose the case-insensitive order
    }

    private static List<String> emailsOf(List<GocdbClient.Contact> people, String role) {
        return distinct(people.stream().filter(p -> role.equalsIgnoreCase(p.roleName()))
                .flatMap(p -> addresses(p.email()).stream()).toList());
    }

    /** GOCDB e-mail fields are free text: some hold several addresses separated by commas, semicolons or spaces. */
    static List<String> addresses(String field) {
        if (field == null || field.isBlank()) return List.of();
        return Arrays.stream(field.split("[,;\\s]+")).map(String::trim).filter(s -> s.contains("@")).toList();
    }

    @SafeVarargs
    private static List<String> distinct(List<String>... lists) {
        Map<String, String> seen = new HashMap<>();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (List<String> list : lists) {
            for (String a : list) if (seen.putIfAbsent(a.toLowerCase(java.util.Locale.ROOT), a) == null) out.add(a);
        }
        return List.copyOf(out);
    }
}
