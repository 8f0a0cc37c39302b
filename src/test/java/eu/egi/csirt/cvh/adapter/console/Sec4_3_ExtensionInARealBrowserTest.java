package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.app.CvhConfiguration;
import eu.egi.csirt.cvh.support.Console;
import eu.egi.csirt.cvh.support.RealBrowser;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static eu.egi.csirt.cvh.support.Console.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SEC03 4.3 in Debian's Chromium: the officer opens the console, sees BETA-GRID proposed for suspension,
 * grants an extension through the page's form, and the sites table shows the new deadline.
 */
@CamelMainTest(configurationClasses = CvhConfiguration.class,
        propertyPlaceholderLocations = "file:config/application.properties",
        properties = {
                "app.db.url=jdbc:hsqldb:mem:console-browser;hsqldb.tx=mvcc",
                "app.clock=virtual:2026-11-24T10:00:00Z",
                "app.triggers.enabled=false",
                "camel.main.routes-reload-enabled=false",
                "app.directory.file=src/test/resources/it/sites.csv",
                "app.pakiti.url=",
                "app.advisories.folder=target/it/console-browser/advisories",
                "app.status.folder=target/it/console-browser/status",
                "app.decisions.folder=target/it/console-browser/decisions",
                Console.USERS, Console.TOKENS})
class Sec4_3_ExtensionInARealBrowserTest {

    @BeanInject
    CamelContext context;

    @Test
    void sec4_3_the_officer_grants_an_extension_in_the_browser_and_the_table_changes() throws Exception {
        Console console = new Console(context);
        console.startCampaign("ADV-BROWSER", "ALPHA-LCG2", "BETA-GRID");
        console.runUntil(Instant.parse("2026-12-01T11:00:00Z"));

        try (RealBrowser browser = RealBrowser.start()) {
            browser.basicAuth("alice", "alice-secret").open(URI.create(console.base + "/?campaign=ADV-BROWSER&site=BETA-GRID"));
            WebElement row = browser.find(By.id("site-BETA-GRID"));
            assertThat(row.getAttribute("data-state")).isEqualTo("SUSPENSION_PROPOSED");
            assertThat(row.getAttribute("class")).contains("needs-decision");
            assertThat(browser.text(By.cssSelector("#site-BETA-GRID td[data-field=deadline]"))).isEqualTo("2026-12-01 10:00 UTC");
            browser.screenshot("console-before-extension");

            WebElement deadline = browser.find(By.id("extend-BETA-GRID-deadline"));
            deadline.clear();
            deadline.sendKeys("2026-12-08T10:00:00Z");
            new Select(browser.find(By.id("extend-BETA-GRID-by"))).selectByVisibleText("OMB");
            browser.find(By.id("extend-BETA-GRID-reason")).sendKeys("downtime agreed for 7 December");
            browser.find(By.id("extend-BETA-GRID-submit")).click();

            browser.waitUntil(ExpectedConditions.textToBe(By.cssSelector("#site-BETA-GRID td[data-field=deadline]"), "2026-12-08 10:00 UTC"));
            WebElement after = browser.find(By.id("site-BETA-GRID"));
            assertThat(after.getAttribute("data-state")).isEqualTo("OPEN");
            assertThat(after.getAttribute("class")).doesNotContain("needs-decision");
            assertThat(browser.text(By.cssSelector("#site-BETA-GRID td[data-field=extension]")))
                    .contains("downtime agreed for 7 December").contains("OMB");
            assertThat(browser.text(By.id("message"))).contains("deadline extended");
            Path shot = browser.screenshot("console-extension-granted");
            assertThat(Files.size(shot)).isPositive();
        }
        assertThat(console.wiring.store.inTransaction(tx -> tx.latestCase("ADV-BROWSER", "BETA-GRID")).orElseThrow().deadline())
                .isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
    }
}
