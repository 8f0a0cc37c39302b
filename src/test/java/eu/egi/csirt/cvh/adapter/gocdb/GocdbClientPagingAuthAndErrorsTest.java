package eu.egi.csirt.cvh.adapter.gocdb;

import eu.egi.csirt.cvh.domain.calendar.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client follows GOCDB's cursor pages, authenticates, reports failures with method and status, and refuses XXE. */
class GocdbClientPagingAuthAndErrorsTest {

    private final FakeGocdb gocdb = new FakeGocdb();

    @AfterEach
    void stop() {
        gocdb.close();
    }

    @Test
    void all_sites_are_read_across_two_pages_by_following_the_next_link() {
        gocdb.servePages("get_site", 3);

        List<GocdbClient.Site> sites = gocdb.client().sites();

        assertThat(sites).extracting(GocdbClient.Site::name)
                .containsExactly("ALPHA-LCG2", "BETA-GRID", "GAMMA-CLOUD", "DELTA-T2", "EPSILON-HPC");
        assertThat(gocdb.requests()).extracting(q -> q.get("next_cursor")).containsExactly("0", "3");
    }

    @Test
    void the_directory_maps_the_same_contacts_when_every_method_is_paged() {
        gocdb.servePages("get_site", 2);
        gocdb.servePages("get_site_contacts", 1);
        gocdb.servePages("get_ngi", 1);
        var directory = new GocdbSiteDirectory(gocdb.client(), new VirtualClock(Instant.parse("2026-11-24T10:00:00Z")),
                Duration.ofHours(1));

        assertThat(directory.find("DELTA-T2").orElseThrow().siteSecurity()).containsExactly("dan@delta.example.com");
        assertThat(directory.find("ALPHA-LCG2").orElseThrow().operational())
                .containsExactly("grid-admins@alpha.example.org", "olga.ops@alpha.example.org");
        assertThat(directory.find("EPSILON-HPC")).isPresent();
        // 5 sites by 2 (last page short), 3 contact groups by 1 (then an empty page), 2 NGIs by 1 (then empty)
        assertThat(gocdb.requestsFor("get_site")).isEqualTo(3);
        assertThat(gocdb.requestsFor("get_site_contacts")).isEqualTo(4);
        assertThat(gocdb.requestsFor("get_ngi")).isEqualTo(3);
    }

    @Test
    void next_links_naming_another_host_are_followed_on_the_configured_server_only() {
        gocdb.servePages("get_site", 3);
        gocdb.requireHeader("X-GOCDB-Token", "t0ken-s3cret");
        var client = new GocdbClient(gocdb.url(), new GocdbCredentials.TokenHeader("X-GOCDB-Token", "t0ken-s3cret"));

        assertThat(client.sites()).hasSize(5); // the next link says https://goc.example.org/...: never contacted
        assertThat(gocdb.requests()).hasSize(2);
    }

    @Test
    void paging_that_does_not_advance_is_an_error_not_an_endless_loop() {
        gocdb.serve("get_ngi", """
                <?xml version="1.0" encoding="UTF-8"?>
                <results>
                  <meta><link rel="next" href="https://goc.example.org/gocdbpi/private/?method=get_ngi&amp;next_cursor=0"/>
                    <count>1</count><max_page_size>1</max_page_size></meta>
                  <NGI ID="11" NAME="NGI_AA"><NAME>NGI_AA</NAME></NGI>
                </results>
                """);
        assertThatThrownBy(() -> gocdb.client().ngis()).isInstanceOf(GocdbException.class)
                .hasMessageContaining("paging does not advance");
    }

    @Test
    void more_pages_than_the_bound_is_an_error_never_a_partial_site_list() {
        gocdb.servePages("get_site", 1);
        var client = new GocdbClient(gocdb.url(), new GocdbCredentials.None(), null, Duration.ofSeconds(5), 3);

        assertThatThrownBy(client::sites).isInstanceOf(GocdbException.class).hasMessageContaining("more than 3 pages");
    }

    @Test
    void the_token_goes_in_the_configured_header_and_a_wrong_one_fails_with_401_and_the_method() {
        gocdb.requireHeader("X-GOCDB-Token", "t0ken-s3cret");
        var good = new GocdbClient(gocdb.url(), new GocdbCredentials.TokenHeader("X-GOCDB-Token", "t0ken-s3cret"));
        assertThat(good.ngis()).extracting(GocdbClient.Ngi::name).containsExactly("NGI_AA", "NGI_BB");

        var wrong = new GocdbClient(gocdb.url(), new GocdbCredentials.TokenHeader("X-GOCDB-Token", "wr0ng-s3cret"));
        assertThatThrownBy(wrong::ngis).isInstanceOfSatisfying(GocdbException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.method()).isEqualTo("get_ngi");
            assertThat(e.getMessage()).doesNotContain("s3cret");
        });
        assertThat(wrong.toString() + new GocdbCredentials.TokenHeader("X-GOCDB-Token", "wr0ng-s3cret"))
                .doesNotContain("s3cret");
    }

    @Test
    void http_500_and_connection_refused_carry_the_method_and_status() {
        gocdb.failWith(500);
        assertThatThrownBy(() -> gocdb.client().site("ALPHA-LCG2")).isInstanceOfSatisfying(GocdbException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.method()).isEqualTo("get_site");
            assertThat(e.getMessage()).contains("GOCDB get_site HTTP 500");
        });

        GocdbClient client = gocdb.client();
        gocdb.close();
        assertThatThrownBy(() -> client.siteContacts("ALPHA-LCG2")).isInstanceOfSatisfying(GocdbException.class, e -> {
            assertThat(e.httpStatus()).isZero();
            assertThat(e.method()).isEqualTo("get_site_contacts");
            assertThat(e.getMessage()).contains("not reachable");
        });
    }

    @Test
    void xml_with_a_doctype_and_external_entity_is_rejected_and_nothing_is_read_from_disk() {
        gocdb.serve("get_site", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE results [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <results><SITE NAME="X"><SHORT_NAME>&xxe;</SHORT_NAME><ROC>NGI_AA</ROC></SITE></results>
                """);
        assertThatThrownBy(gocdb.client()::sites).isInstanceOfSatisfying(GocdbException.class, e -> {
            assertThat(e.method()).isEqualTo("get_site");
            assertThat(e.getMessage()).contains("XML rejected").containsIgnoringCase("DOCTYPE").doesNotContain("root:");
        });
    }

    @Test
    void an_entity_expansion_bomb_is_rejected_as_well() {
        gocdb.serve("get_ngi", """
                <?xml version="1.0"?>
                <!DOCTYPE results [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
                <results><NGI><NAME>&b;</NAME></NGI></results>
                """);
        assertThatThrownBy(gocdb.client()::ngis).isInstanceOf(GocdbException.class).hasMessageContaining("XML rejected");
    }

    @Test
    void an_error_page_with_status_200_is_rejected_not_read_as_no_sites() {
        gocdb.serve("get_site", "<?xml version=\"1.0\"?><error>database unavailable</error>");
        assertThatThrownBy(gocdb.client()::sites).isInstanceOf(GocdbException.class)
                .hasMessageContaining("root element is <error>");
    }

    @Test
    void a_pkcs12_client_certificate_is_loaded_and_a_wrong_password_is_reported_without_it(@TempDir Path dir)
            throws Exception {
        Path keystore = dir.resolve("cvh-robot.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "cvh", "-keyalg", "EC", "-dname", "CN=cvh robot", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "kspass-123", "-keypass", "kspass-123")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        assertThat(Files.exists(keystore)).isTrue();

        var client = new GocdbClient(gocdb.url(), new GocdbCredentials.ClientCertificate(keystore, "kspass-123".toCharArray()));
        assertThat(client.ngis()).hasSize(2); // plain HTTP here: the certificate is only offered over TLS

        assertThatThrownBy(() -> new GocdbClient(gocdb.url(),
                new GocdbCredentials.ClientCertificate(keystore, "not-the-pass-456".toCharArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cvh-robot.p12").hasMessageNotContaining("not-the-pass-456");
        assertThat(new GocdbCredentials.ClientCertificate(keystore, "kspass-123".toCharArray()).toString())
                .doesNotContain("kspass-123");
    }

    @Test
    void scope_is_sent_when_configured() {
        var client = new GocdbClient(gocdb.url(), new GocdbCredentials.None(), "EGI", Duration.ofSeconds(5), 10);
        client.sites();
        assertThat(gocdb.requests()).last().satisfies(q -> assertThat(q).containsAllEntriesOf(Map.of("scope", "EGI")));
    }
}
