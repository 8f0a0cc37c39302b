package eu.egi.csirt.cvh.domain.campaign;

import java.util.List;

/** Who to write to about a site (from GOCDB in production, a file here). */
public record SiteContacts(String site, String ngi, List<String> siteSecurity, List<String> siteAdmins,
                           List<String> ngiSecurity, List<String> operational, List<String> rod) {
    public static SiteContacts unknown(String site) {
        return new SiteContacts(site, "unknown", List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
