package eu.egi.csirt.cvh.app;

import eu.egi.csirt.cvh.adapter.pakiti.PakitiFeed;

import java.util.Optional;

/** The Pakiti poll the route calls; a refused feed is an ERROR in the log and a refused import in the database. */
public final class PakitiPoll {
    private static final System.Logger LOG = System.getLogger(PakitiPoll.class.getName());
    private final Optional<PakitiFeed> feed;

    public PakitiPoll(Optional<PakitiFeed> feed) {
        this.feed = feed;
    }

    public String poll() {
        if (feed.isEmpty()) return "Pakiti not configured (app.pakiti.url)";
        var result = feed.get().poll();
        LOG.log(result.accepted() ? System.Logger.Level.INFO : System.Logger.Level.ERROR, "Pakiti: " + result);
        return result.toString();
    }
}
