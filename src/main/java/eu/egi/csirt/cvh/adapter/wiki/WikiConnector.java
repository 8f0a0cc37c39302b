package eu.egi.csirt.cvh.adapter.wiki;

import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.port.ActionConnector;

/**
 * Delivers WIKI outbox actions: "append" writes the suspension record (SEC03 4.5, 6.4) to the wiki
 * page. Idempotent on the entry's key through the sink's marker.
 */
public final class WikiConnector implements ActionConnector {

    private final SuspensionRecordSink sink;
    private final String configuredPage;

    /** @param configuredPage the page from config (app.wiki.page); blank: the page the engine named */
    public WikiConnector(SuspensionRecordSink sink, String configuredPage) {
        this.sink = sink;
        this.configuredPage = configuredPage == null ? "" : configuredPage.strip();
    }

    @Override
    public Channel channel() {
        return Channel.WIKI;
    }

    @Override
    public String deliver(OutboxEntry entry) throws Exception {
        if (!"append".equals(entry.operation())) {
            throw new IllegalArgumentException("wiki: unknown operation '" + entry.operation() + "' for outbox action "
                    + entry.key() + "; known: append");
        }
        return sink.append(page(entry), entry.key(), recordText(entry));
    }

    private String page(OutboxEntry entry) {
        if (!configuredPage.isEmpty()) return configuredPage;
        if (entry.subject() == null || entry.subject().isBlank()) {
            throw new IllegalArgumentException("wiki: outbox action " + entry.key() + " names no page and app.wiki.page is empty");
        }
        return entry.subject().strip();
    }

    /**
     * One plain-text line: the engine's record (site, NGI, date-time, advisory, reason, ticket)
     * without its list bullet, since the markup is the sink's business.
     */
    static String recordText(OutboxEntry entry) {
        String body = entry.body() == null ? "" : entry.body().replaceAll("\\s+", " ").strip();
        if (body.startsWith("* ")) body = body.substring(2).strip();
        if (!body.isEmpty()) return body;
        return entry.site() + " - advisory " + entry.campaignId() + " - ticket " + entry.reference();
    }
}
