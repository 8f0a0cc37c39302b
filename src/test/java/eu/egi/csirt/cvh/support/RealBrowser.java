package eu.egi.csirt.cvh.support;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real, headless Chromium driven through Selenium: Debian's {@code chromium} and {@code chromedriver},
 * installed by the project's own {@code .ci/chromium.sh} when missing (once per JVM). Selenium is given
 * both binaries, so Selenium Manager never runs and nothing is downloaded. A browser that cannot start
 * fails the test: never a skip.
 *
 * <pre>{@code
 * try (RealBrowser browser = RealBrowser.start()) {
 *     browser.basicAuth("officer", "secret").open(URI.create("http://127.0.0.1:8090/"));
 *     browser.typeDate(By.id("until"), LocalDate.parse("2026-12-08"));
 *     browser.find(By.id("extend")).click();
 *     browser.waitUntil(ExpectedConditions.textToBe(By.id("deadline-BETA"), "2026-12-08"));
 *     Path png = browser.screenshot("extension-granted");
 * }
 * }</pre>
 */
public final class RealBrowser implements AutoCloseable {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Long enough for a page on a shared 2-core machine, short enough to fail a broken page fast. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static boolean installed;

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private RealBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** Starts a headless Chromium with a fresh profile (installs it first when missing). */
    public static RealBrowser start() {
        install();
        Path profile;
        try {
            profile = Files.createTempDirectory("cvh-chromium-");
        } catch (IOException e) {
            throw new AssertionError("cannot create a Chromium profile folder", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--user-data-dir=" + profile, "--lang=en-US",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target", "chromedriver.log"))
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
            return new RealBrowser(driver, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw new AssertionError("headless Chromium did not start (" + BROWSER + " with " + DRIVER
                    + "; chromedriver's log in target/chromedriver.log)", e);
        }
    }

    /**
     * Sends {@code Authorization: Basic ...} with every request from now on, to every host, through the
     * DevTools protocol (chromedriver's own endpoint, so no Selenium DevTools module for this Chrome
     * version is needed). The header goes with form posts and redirects too. Wrong credentials get the
     * server's 401; Chromium then shows its login prompt over an empty page, as it would to a person.
     */
    public RealBrowser basicAuth(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + token)));
        return this;
    }

    /** Stops sending the credentials of {@link #basicAuth}. */
    public RealBrowser noAuth() {
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        return this;
    }

    /** Loads the page and waits until the document is complete. */
    public RealBrowser open(URI page) {
        driver.get(page.toString());
        waitUntil(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /** The page's element once it is visible (waits up to {@link #TIMEOUT}). */
    public WebElement find(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The visible text of the element once it is visible. */
    public String text(By locator) {
        return find(locator).getText();
    }

    /**
     * Types the date into an {@code <input type="date">} as a person would (the browser runs with
     * {@code --lang=en-US}, so month, day, year) and checks the field took it.
     */
    public RealBrowser typeDate(By locator, LocalDate date) {
        WebElement input = find(locator);
        input.sendKeys(date.format(DateTimeFormatter.ofPattern("MMddyyyy")));
        String value = input.getDomProperty("value");
        if (!date.toString().equals(value)) {
            throw new AssertionError("the date field " + locator + " holds '" + value + "' after typing " + date);
        }
        return this;
    }

    /** Waits up to {@link #TIMEOUT} until the condition holds (a non-null, non-false value) and returns it. */
    public <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Saves what the browser shows to {@code target/screenshots/<name>.png} and returns that path. */
    public Path screenshot(String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("screenshot name must be a plain file name: " + name);
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            return png;
        } catch (IOException e) {
            throw new AssertionError("cannot save the screenshot " + name, e);
        }
    }

    /** The Selenium driver, for anything this class does not offer. */
    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    /** Runs .ci/chromium.sh once per JVM when the browser or its driver is missing. */
    private static synchronized void install() {
        if (installed || Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            installed = true;
            return;
        }
        try {
            Process process = new ProcessBuilder("bash", ".ci/chromium.sh").redirectErrorStream(true).start();
            // through System.out, so that Surefire shows it (a child writing to the fork's own stdout corrupts its channel)
            Thread echo = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .lines().forEach(System.out::println), "chromium.sh output");
            echo.setDaemon(true);
            echo.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("`bash .ci/chromium.sh` did not finish within 10 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("`bash .ci/chromium.sh` failed with exit code " + process.exitValue()
                        + " (see its output above): the browser tests need Debian's chromium and chromium-driver");
            }
            echo.join(TimeUnit.SECONDS.toMillis(5));
        } catch (IOException e) {
            throw new AssertionError("cannot run `bash .ci/chromium.sh`", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while installing Chromium", e);
        }
        installed = true;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
