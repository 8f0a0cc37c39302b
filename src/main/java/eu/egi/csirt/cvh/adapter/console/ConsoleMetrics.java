package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.adapter.store.JdbcConsoleQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Prometheus metrics (Micrometer), read from the database at each scrape: mails sent by kind, RT
 * ticket actions by operation, replies by status or intent, outbox depth, dead letters, monitoring feed age.
 */
public final class ConsoleMetrics {

    private record Snapshot(Map<String, Integer> delivered, Map<String, Integer> outbox, Map<String, Integer> tickets,
                            Map<String, Integer> replies, Optional<Instant> lastFeed) {}

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JdbcConsoleQueries queries;
    private final java.util.function.Supplier<Map<String, Integer>> repliesByIntent;
    private final Clock clock;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of(), Optional.empty());

    /** @param repliesByIntent replies counted by intent (or by status until they are classified) */
    public ConsoleMetrics(JdbcConsoleQueries queries, java.util.function.Supplier<Map<String, Integer>> repliesByIntent, Clock clock) {
        this.queries = queries;
        this.repliesByIntent = repliesByIntent;
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        Gauge.builder("cvh.outbox.depth", () -> snapshot.outbox().getOrDefault("PENDING", 0))
                .description("outbox actions waiting for delivery").register(registry);
        Gauge.builder("cvh.outbox.dead", () -> snapshot.outbox().getOrDefault("DEAD", 0))
                .description("outbox actions that failed for good (dead letters)").register(registry);
        Gauge.builder("cvh.outbox.no.connector", () -> snapshot.outbox().getOrDefault("NO_CONNECTOR", 0))
                .description("outbox actions for a system without a connector").register(registry);
        Gauge.builder("cvh.feed.age.seconds", () -> snapshot.lastFeed().map(t -> (double) Duration.between(t, clock.instant()).toSeconds())
                        .orElse(Double.NaN))
                .description("seconds since the last accepted monitoring (Pakiti) feed; NaN if none yet").register(registry);
    }

    /** The metrics in Prometheus' text format. */
    public String scrape() {
        Snapshot s = new Snapshot(queries.deliveredByChannelAndKind(), queries.outboxByStatus(), queries.ticketsByOperation(),
                repliesByIntent.get(), queries.lastAcceptedFeed());
        snapshot = s;
        s.delivered().keySet().stream().filter(k -> k.startsWith("MAIL/")).forEach(k -> gauge("cvh.mails.sent", "kind",
                k.substring("MAIL/".length()), "mails delivered, by kind", snap -> snap.delivered().getOrDefault(k, 0)));
        s.tickets().keySet().forEach(op -> gauge("cvh.tickets", "operation", op, "RT ticket actions delivered, by operation",
                snap -> snap.tickets().getOrDefault(op, 0)));
        s.replies().keySet().forEach(r -> gauge("cvh.replies", "intent", r, "replies stored, by intent (or status before classification)",
                snap -> snap.replies().getOrDefault(r, 0)));
        return registry.scrape();
    }

    private void gauge(String name, String tag, String value, String description, Function<Snapshot, Integer> read) {
        if (registered.add(name + "|" + value)) {
            Gauge.builder(name, () -> read.apply(snapshot)).tags(Tags.of(tag, value)).description(description).register(registry);
        }
    }
}
