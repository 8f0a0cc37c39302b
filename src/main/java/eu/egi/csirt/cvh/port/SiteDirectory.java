package eu.egi.csirt.cvh.port;

import eu.egi.csirt.cvh.domain.campaign.SiteContacts;

import java.util.Optional;

/** Site contacts and NGI (GOCDB in production). */
public interface SiteDirectory {
    Optional<SiteContacts> find(String site);

    /** Whether the site takes part in campaigns (GOCDB: Certified only, by default). */
    default boolean isParticipating(String site) {
        return true;
    }
}
