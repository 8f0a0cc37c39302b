package eu.egi.csirt.cvh.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the real-browser harness on a small page of its own, the way the console test will use it:
 * HTTP Basic auth, a table, a form with a date that posts back, a screenshot.
 */
class RealBrowserTest {

    static final String USER = "officer";
    static final String PASSWORD = "s3cret-pass";

    static SitesPage page;
    static RealBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        page = new SitesPage();
        browser = RealBrowser.start();
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.close();
        } finally {
            if (page != null) page.close();
        }
    }

    @BeforeEach
    void freshPage() {
        page.deadline.set("2026-12-01");
        page.statuses.clear();
    }

    @Test
    void should_log_in_with_basic_auth_fill_the_form_and_see_the_table_change() throws IOException {
        browser.basicAuth(USER, PASSWORD).open(page.url());
        assertThat(browser.text(By.id("deadline-BETA"))).isEqualTo("2026-12-01");

        browser.typeDate(By.id("until"), LocalDate.parse("2026-12-08"));
        browser.find(By.id("extend")).click();
        browser.waitUntil(ExpectedConditions.textToBe(By.id("deadline-BETA"), "2026-12-08"));

        assertThat(page.deadline.get()).isEqualTo("2026-12-08");
        assertThat(page.statuses).containsExactly(200, 303, 200);   // the post and its redirect carried the credentials
        Path png = browser.screenshot("real-browser-self-test");
        assertThat(png).isEqualTo(Path.of("target/screenshots/real-browser-self-test.png"));
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void should_not_show_the_page_for_a_wrong_password() {
        browser.basicAuth(USER, "wrong").open(page.url());

        // the server refused (401 with a Basic challenge); Chromium then shows its login prompt over an
        // empty page, as it would to a person, and nothing of the page
        assertThat(page.statuses).containsExactly(401);
        assertThat(browser.driver().findElements(By.id("sites"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("BETA-GRID", "401 wrong");
        assertThat(page.deadline.get()).isEqualTo("2026-12-01");
    }

    /** A page of sites behind HTTP Basic auth whose form extends a deadline (post, then redirect back). */
    static final class SitesPage implements AutoCloseable {
        final AtomicReference<String> deadline = new AtomicReference<>("2026-12-01");
        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        SitesPage() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String expected = "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
                if (!"/".equals(exchange.getRequestURI().getPath())) {
                    answer(exchange, 404, "<p>not found</p>");
                } else if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"cvh\", charset=\"UTF-8\"");
                    answer(exchange, 401, "<h1>401 wrong user or password</h1>");
                } else if ("POST".equals(exchange.getRequestMethod())) {
                    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    for (String field : form.split("&")) {
                        String[] kv = field.split("=", 2);
                        if (kv.length == 2 && kv[0].equals("until")) {
                            deadline.set(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                        }
                    }
                    exchange.getResponseHeaders().set("Location", "/");
                    statuses.add(303);
                    exchange.sendResponseHeaders(303, -1);
                } else {
                    answer(exchange, 200, """
                            <h1>Sites</h1>
                            <table id="sites">
                              <tr><th>site</th><th>state</th><th>deadline</th></tr>
                              <tr><td>BETA-GRID</td><td>ticket sent</td><td id="deadline-BETA">%s</td></tr>
                            </table>
                            <form method="post" action="/">
                              <label>extend until <input type="date" id="until" name="until" required></label>
                              <button id="extend" type="submit">Grant extension</button>
                            </form>
                            """.formatted(deadline.get()));
                }
            }
        }

        private void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] html = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>cvh test page</title></head><body>"
                    + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
            if ("/".equals(exchange.getRequestURI().getPath())) statuses.add(status);   // not the favicon
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
