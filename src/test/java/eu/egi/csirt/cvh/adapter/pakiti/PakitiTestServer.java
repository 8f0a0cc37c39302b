package eu.egi.csirt.cvh.adapter.pakiti;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** A Pakiti {@code api/hosts.php} on a free loopback port; what it answers is set by each test. */
public final class PakitiTestServer implements AutoCloseable {

    /** One answer: status, body, and optionally a Content-Length that the body does not reach (a cut connection). */
    public record Answer(int status, byte[] body, long declaredLength, CountDownLatch holdHeaders) {
        public static Answer csv(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            return new Answer(200, b, b.length, null);
        }

        static Answer status(int status) {
            return new Answer(status, ("error " + status).getBytes(StandardCharsets.UTF_8), -1, null);
        }

        /** Promises {@code declared} bytes, sends fewer, and closes. */
        static Answer cut(String text, long declared) {
            return new Answer(200, text.getBytes(StandardCharsets.UTF_8), declared, null);
        }

        /** Sends nothing until the latch is released (a hung Pakiti). */
        static Answer hung(CountDownLatch release) {
            return new Answer(200, new byte[0], 0, release);
        }
    }

    private final HttpServer server;
    volatile Supplier<Answer> answer = () -> Answer.status(404);
    final List<URI> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    public PakitiTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pakiti/api/hosts.php", exchange -> {
            requests.add(exchange.getRequestURI());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Answer a = answer.get();
            try {
                if (a.holdHeaders() != null) a.holdHeaders().await();
                exchange.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
                exchange.sendResponseHeaders(a.status(), a.declaredLength() < 0 ? a.body().length : a.declaredLength());
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(a.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // a cut answer: the client sees the connection close early
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public void answer(Answer a) { answer = () -> a; }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pakiti/api/hosts.php");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
