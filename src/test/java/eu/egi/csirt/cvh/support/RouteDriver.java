package eu.egi.csirt.cvh.support;

import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Drives a running runtime in virtual time: files dropped in its folders, hourly ticks, outbox delivery. */
public final class RouteDriver {
    private final CamelContext context;
    private final ProducerTemplate template;
    private final Path root;
    public final VirtualClock clock;

    public RouteDriver(CamelContext context, Path root) {
        this.context = context;
        this.template = context.createProducerTemplate();
        this.root = root;
        this.clock = context.getRegistry().lookupByNameAndType("clock", VirtualClock.class);
    }

    /** Writes a file into one of the watched folders and waits until its route has handled it. */
    public void drop(String folder, String name, String content, String route) {
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(route)
                .filter(e -> name.equals(e.getIn().getHeader("CamelFileNameOnly"))).whenDone(1).create();
        try {
            Path dir = Files.createDirectories(root.resolve(folder));
            Path tmp = dir.resolve("." + name + ".tmp");
            Files.writeString(tmp, content);
            Files.move(tmp, dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!done.matches(30, TimeUnit.SECONDS)) {
            throw new AssertionError("route " + route + " did not handle " + name + " within 30 s");
        }
        // the file is moved (to done/ or error/) when its exchange completes
        Path left = root.resolve(folder).resolve(name);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(left) && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    public void status(String name, String... siteHostLines) {
        StringBuilder csv = new StringBuilder("tag,cve,site,host,os,arch,last_report\n");
        for (String line : siteHostLines) {
            String[] sh = line.split(" ");
            csv.append("EGI-Critical,CVE-2026-31337,").append(sh[0]).append(',').append(sh[1])
                    .append(",\"AlmaLinux 9.6\",x86_64,\"2026-11-24 06:13:55\"\n");
        }
        drop("status", name, csv.toString(), "status-intake");
    }

    /** A decision file, then the mail it caused is delivered. */
    public void decision(String name, String yaml) {
        drop("decisions", name, yaml, "decision-intake");
        template.sendBody("direct:outbox-mail-deliver", null);
    }

    /** Ticks the engine and delivers mail every hour from now until {@code until}. */
    public void runUntil(Instant until) {
        for (Instant t = clock.instant(); !t.isAfter(until); t = t.plus(Duration.ofHours(1))) {
            clock.set(t);
            tick();
        }
        clock.set(until);
    }

    public void tick() {
        template.sendBody("direct:procedure-tick-run", null);
        template.sendBody("direct:outbox-mail-deliver", null);
    }
}
