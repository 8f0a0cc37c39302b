package eu.egi.csirt.cvh.adapter.wiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Appends suspension records to a MediaWiki page through the action API: bot-password login,
 * csrf token, {@code action=edit} with {@code appendtext}. Every call carries {@code assert=user},
 * so an expired session is an error (answered by one new login) and never an anonymous edit.
 *
 * <p>Each record ends with a hidden marker {@code <!-- cvh:KEY -->}; the page is read first and a
 * record whose marker is already there is not appended again.
 */
public final class MediaWikiClient implements SuspensionRecordSink {

    private static final System.Logger LOG = System.getLogger(MediaWikiClient.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Errors that mean the session or token went stale: log in again, once. */
    private static final Set<String> SESSION_LOST = Set.of("badtoken", "assertuserfailed", "assertbotfailed", "notloggedin");
    /** What MediaWiki hands out as csrf token to an anonymous session. */
    private static final String ANONYMOUS_TOKEN = "+\\";

    private final URI api;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final HttpClient http;
    private String csrfToken;

    /**
     * @param api      the wiki's api.php, e.g. https://wiki.egi.eu/w/api.php
     * @param user     the bot-password user, {@code Account@appid} (Special:BotPasswords)
     * @param password the bot password (from the environment, never from tracked config)
     * @param timeout  for connecting and for each request
     */
    public MediaWikiClient(URI api, String user, String password, Duration timeout) {
        this(api, user, password, timeout, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    /** With a given cookie jar, so a test can drop the session. */
    MediaWikiClient(URI api, String user, String password, Duration timeout, CookieManager cookies) {
        this.api = api;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public synchronized String append(String page, String markerKey, String text) throws IOException {
        String marker = marker(markerKey);
        try {
            return appendOnce(page, marker, markerKey, text);
        } catch (WikiException e) {
            if (!SESSION_LOST.contains(e.code())) throw e;
            LOG.log(System.Logger.Level.INFO, "wiki: session at {0} lost ({1}), logging in again", api, e.code());
            csrfToken = null;
            return appendOnce(page, marker, markerKey, text);
        }
    }

    private String appendOnce(String page, String marker, String markerKey, String text) throws IOException {
        if (csrfToken == null) {
            csrfToken = login();
        }
        CurrentPage current = read(page);
        if (current.content().contains(marker)) {
            LOG.log(System.Logger.Level.INFO, "wiki: {0} already on {1} (revision {2})", markerKey, page, current.revision());
            return current.revision();
        }
        // MediaWiki trims trailing newlines on save, so the record starts its own line
        String line = (current.content().isEmpty() ? "" : "\n") + listItem(text) + " " + marker;
        JsonNode answer = call("POST", params(
                "action", "edit", "title", page, "appendtext", line, "summary", "cvh: suspension record " + markerKey,
                "bot", "1", "token", csrfToken));
        JsonNode edit = answer.path("edit");
        if (!"Success".equals(edit.path("result").asText())) {
            throw new WikiException("edit-failed", "wiki: edit of " + page + " at " + api + " was not accepted: " + edit);
        }
        String revision = edit.path("newrevid").asText();
        LOG.log(System.Logger.Level.INFO, "wiki: appended {0} to {1} as revision {2}", markerKey, page, revision);
        return revision;
    }

    /** Logs in with the bot password and returns the session's csrf token; any other outcome is an error. */
    private String login() throws IOException {
        String loginToken = call("GET", params("action", "query", "meta", "tokens", "type", "login"), false)
                .path("query").path("tokens").path("logintoken").asText();
        JsonNode login = call("POST", params("action", "login", "lgname", user, "lgpassword", password, "lgtoken", loginToken),
                false).path("login");
        if (!"Success".equals(login.path("result").asText())) {
            // MediaWiki answers a wrong password with 200 and result=Failed: without this check edits go out anonymously
            throw new WikiException("login-failed", "wiki: login as " + user + " at " + api + " failed: "
                    + login.path("result").asText("no result") + " (" + login.path("reason").asText("no reason given")
                    + "). Check app.wiki.user (Account@appid) and CVH_WIKI_PASSWORD (a bot password from Special:BotPasswords)");
        }
        String token = call("GET", params("action", "query", "meta", "tokens", "type", "csrf"))
                .path("query").path("tokens").path("csrftoken").asText();
        if (token.isEmpty() || ANONYMOUS_TOKEN.equals(token)) {
            throw new WikiException("login-failed", "wiki: logged in as " + user + " at " + api + " but got no session token");
        }
        return token;
    }

    private CurrentPage read(String page) throws IOException {
        JsonNode pages = call("GET", params("action", "query", "prop", "revisions", "rvprop", "ids|content",
                "rvslots", "main", "titles", page)).path("query").path("pages");
        JsonNode found = pages.path(0);
        if (found.path("invalid").asBoolean(false)) {
            throw new WikiException("invalidtitle", "wiki: '" + page + "' is not a valid page title: "
                    + found.path("invalidreason").asText());
        }
        if (found.path("missing").asBoolean(false)) {
            return new CurrentPage("0", "");
        }
        JsonNode revision = found.path("revisions").path(0);
        if (revision.isMissingNode()) {
            throw new WikiException("unreadable", "wiki: could not read " + page + " at " + api + ": " + pages);
        }
        return new CurrentPage(revision.path("revid").asText(), revision.path("slots").path("main").path("content").asText(""));
    }

    private JsonNode call(String method, Map<String, String> params) throws IOException {
        return call(method, params, true);
    }

    /** One API request; {@code asUser} adds assert=user so a lost session fails instead of acting anonymously. */
    private JsonNode call(String method, Map<String, String> params, boolean asUser) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("format", "json");
        all.put("formatversion", "2");
        if (asUser) all.put("assert", "user");
        String form = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
                .header("User-Agent", "cvh (EGI CSIRT critical vulnerability handling)");
        if ("POST".equals(method)) {
            request.uri(api).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.uri(URI.create(api + "?" + form)).GET();
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("wiki: interrupted while calling " + api);
        }
        // the request (with the password) is never put in a message; only the action and the answer
        if (response.statusCode() != 200) {
            throw new WikiException("http-" + response.statusCode(), "wiki: " + api + " answered HTTP " + response.statusCode()
                    + " to action=" + params.get("action") + ": " + abbreviate(response.body()));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new WikiException("not-json", "wiki: " + api + " did not answer JSON to action=" + params.get("action")
                    + ": " + abbreviate(response.body()));
        }
        JsonNode error = answer.path("error");
        if (!error.isMissingNode()) {
            throw new WikiException(error.path("code").asText("unknown"), "wiki: " + api + " refused action=" + params.get("action")
                    + ": " + error.path("code").asText() + " - " + error.path("info").asText());
        }
        return answer;
    }

    /** The hidden marker that says this record is on the page; `--` and `>` could end the comment early. */
    static String marker(String key) {
        StringBuilder safe = new StringBuilder();
        for (char c : key.toCharArray()) {
            boolean endsComment = c == '>' || (c == '-' && safe.length() > 0 && safe.charAt(safe.length() - 1) == '-');
            if (endsComment || c == '<' || Character.isWhitespace(c)) {
                safe.append('%').append(String.format("%02X", (int) c));
            } else {
                safe.append(c);
            }
        }
        return "<!-- cvh:" + safe + " -->";
    }

    /** A list item showing the text as written: no templates, links or HTML from a reason typed by an officer. */
    static String listItem(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return "* <nowiki>" + oneLine.replace("&", "&amp;").replace("<", "&lt;") + "</nowiki>";
    }

    private static Map<String, String> params(String... keysAndValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) p.put(keysAndValues[i], keysAndValues[i + 1]);
        return p;
    }

    private static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private record CurrentPage(String revision, String content) {}
}
