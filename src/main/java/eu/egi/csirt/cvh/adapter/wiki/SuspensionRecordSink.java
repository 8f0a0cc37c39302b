package eu.egi.csirt.cvh.adapter.wiki;

import java.io.IOException;

/**
 * A wiki page that keeps the suspension records (SEC03 4.5, 6.4). MediaWiki today; Confluence can
 * be another implementation.
 */
public interface SuspensionRecordSink {

    /**
     * Appends one record to {@code page} (created if missing) unless the page already holds the
     * record for {@code markerKey}: a retry or a restart never writes it twice.
     *
     * @param text the record as plain text, one line; the sink adds its own markup and marker
     * @return the id of the page revision that holds the record
     * @throws WikiException when the wiki refuses (login, permissions, edit) — never a silent no-op
     */
    String append(String page, String markerKey, String text) throws IOException;
}
