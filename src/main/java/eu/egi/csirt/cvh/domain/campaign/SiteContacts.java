package eu.egi.csirt.cvh.domain.campaign;

import java.util.List;

/**
 * Who to write to about a site (from GOCDB in production, a file here).
 *
 * @param portalUrl the site's page in the GOCDB portal (for the coordinator's suspension request), or ""
 */
public record SiteContacts(String site, String ngi, List<String> siteSecurity, List<String> siteAdmins,
                           List<String> ngiSecurity, List<String> operational, List<String> rod, String portalUrl) {

    public SiteContacts(String site, String ngi, List<String> siteSecurity, List<String> siteAdmins,
                        List<String> ngiSecurity, List<String> operational, List<String> rod) {
        this(site, ngi, siteSecurity, siteAdmins, ngiSecurity, operational, rod, "");
    }

    /** Every address that speaks for the site: its security contacts, administrators, NGI security and operations. */
    public List<String> all() {
        return java.util.stream.Stream.of(siteSecurity, siteAdmins, ngiSecurity, operational).flatMap(List::stream).toList();
    }

    public static SiteContacts unknown(String site) {
        return new SiteContacts(site, "unknown", List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
