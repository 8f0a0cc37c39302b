package eu.egi.csirt.cvh.adapter.rt;

import eu.egi.csirt.cvh.domain.campaign.Channel;
import eu.egi.csirt.cvh.domain.campaign.OutboxEntry;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real RT 5 the tests talk to, started and stopped by the project's own {@code .ci/rt.sh}
 * (installs RT from Debian's packages when missing). A failed start fails the test: never a skip.
 */
public final class RealRt {

    public static final String PORT = System.getenv().getOrDefault("CVH_TEST_RT_PORT", "8080");
    public static final URI URL = URI.create("http://127.0.0.1:" + PORT);
    public static final String QUEUE = "Vulnerability Handling";
    static final String CVH_USER = "cvh";
    static final String CVH_PASSWORD = System.getenv().getOrDefault("CVH_TEST_RT_CVH_PASSWORD", "cvh-test-password");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RealRt() {}

    public static void up() throws Exception {
        script("up");
    }

    public static void down() throws Exception {
        script("down");
    }

    /** The connector's own account. */
    static RtClient asCvh() {
        return RtClient.withPassword(URL, CVH_USER, CVH_PASSWORD, TIMEOUT);
    }

    /** The connector's own account through the auth token .ci/rt.sh made for it. */
    public static RtClient asCvhWithToken() throws java.io.IOException {
        Path token = Path.of(System.getenv().getOrDefault("CVH_TEST_RT_DIR", "/tmp/cvh-test-rt"), "cvh-token");
        return RtClient.withToken(URL, Files.readString(token).strip(), TIMEOUT);
    }

    /** A person: the preseeded superuser. */
    public static RtClient asRoot() {
        return RtClient.withPassword(URL, "root", "password", TIMEOUT);
    }

    static OutboxEntry rtAction(String key, String operation, String ticketKey, List<String> to, List<String> cc,
                                String subject, String body, Instant due) {
        return new OutboxEntry(key, "EGI-SVG-2026-31337", 1L, "ALPHA-LCG2", Channel.RT, "ticket", operation,
                NotificationKind.NONE, to, cc, subject, body, ticketKey, due, Instant.parse("2026-12-04T09:00:00Z"));
    }

    private static void script(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", ".ci/rt.sh", command).inheritIO();
        pb.environment().put("CVH_TEST_RT_PORT", PORT);
        Process process = pb.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("`bash .ci/rt.sh " + command + "` did not finish within 10 minutes");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("`bash .ci/rt.sh " + command + "` failed with exit code " + process.exitValue()
                    + " (see its output above): the RT tests need a real RT 5");
        }
    }

    /** The one ticket of a campaign's site, found by the runtime's subject tag. */
    public static RtTicket ticketOf(RtClient rt, String campaign, String site) {
        java.util.List<RtTicket> found = rt.search("Queue = " + RtClient.quote(QUEUE) + " AND Subject LIKE "
                + RtClient.quote("[cvh:" + campaign + "/" + site + "]"));
        if (found.size() != 1) throw new AssertionError("expected one RT ticket for " + site + ", found " + found.size());
        return rt.ticket(found.get(0).id());
    }

    /** Every text of a ticket (creation, correspondence, comments), one after the other. */
    public static String allText(RtClient rt, long ticket) {
        StringBuilder s = new StringBuilder();
        rt.attachments(ticket).forEach(a -> s.append(a.content()).append('\n'));
        return s.toString();
    }
}
