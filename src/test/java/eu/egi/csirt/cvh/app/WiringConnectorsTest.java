package eu.egi.csirt.cvh.app;

import eu.egi.csirt.cvh.adapter.gocdb.GocdbSiteDirectory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings switch the connectors on; a setting that cannot work is refused at start, clearly. */
class WiringConnectorsTest {

    private static Settings settings(Map<String, String> extra) {
        Map<String, String> o = new HashMap<>(Map.of("app.db.url", "jdbc:hsqldb:mem:wiring" + System.nanoTime()));
        o.putAll(extra);
        return Settings.load(Path.of("config/application.properties"), o);
    }

    @Test
    void the_embedded_defaults_use_the_csv_directory_and_no_connector() {
        try (Wiring w = new Wiring(settings(Map.of()))) {
            assertThat(w.directory).isNotInstanceOf(GocdbSiteDirectory.class);
            assertThat(w.suspensionWatch.run().isEmpty()).isTrue();
        }
    }

    @Test
    void gocdb_rt_and_wiki_are_switched_on_by_their_settings() {
        try (Wiring w = new Wiring(settings(Map.of("app.gocdb.url", "https://goc.example.org/gocdbpi/private/",
                "app.connectors", "MAIL,RT,WIKI", "app.rt.url", "https://rt.example.org", "app.wiki.api-url",
                "https://wiki.example.org/w/api.php", "app.wiki.password", "from-the-environment")))) {
            assertThat(w.directory).isInstanceOf(GocdbSiteDirectory.class);
            assertThat(w.beans()).containsKeys("connectorDelivery", "suspensionWatch", "inboundMail");
        }
    }

    @Test
    void gocdb_as_an_outbox_connector_is_refused_with_the_reason() {
        assertThatThrownBy(() -> new Wiring(settings(Map.of("app.connectors", "MAIL,GOCDB"))))
                .hasMessageContaining("GOCDB has no API").hasMessageContaining("app.gocdb.url");
    }
}
