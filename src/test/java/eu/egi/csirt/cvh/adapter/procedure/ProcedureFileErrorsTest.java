package eu.egi.csirt.cvh.adapter.procedure;

import eu.egi.csirt.cvh.support.Procedures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A procedure file with an error is rejected with its file and line; the last good version stays. */
class ProcedureFileErrorsTest {

    private final ProcedureYamlReader reader = new ProcedureYamlReader(name -> name.endsWith(".ftl"));

    private static final String GOOD = """
            id: test-proc
            deadline: {anchor: advisory, calendar-days: 7}
            steps:
              - id: advisory
                section: "2.3"
                action: advisory
                at: {anchor: advisory}
                template: advisory.ftl
                to: [site-security-list]
            """;

    @Test
    void every_shipped_procedure_loads() {
        assertThat(Procedures.catalog().errors()).isEmpty();
        assertThat(Procedures.catalog().all()).extracting(p -> p.id())
                .contains("sec03-critical", "sec03-reintroduced", "sdis-ticket");
    }

    @Test
    void an_unknown_action_names_the_file_and_line() {
        String bad = GOOD.replace("action: advisory", "action: advisroy");
        assertThatThrownBy(() -> reader.read("x.yaml", new StringReader(bad)))
                .isInstanceOf(ProcedureFileException.class)
                .hasMessageContaining("x.yaml:6")
                .hasMessageContaining("'advisroy' is not a valid action");
    }

    @Test
    void an_unknown_key_is_an_error_not_ignored() {
        String bad = GOOD.replace("    to: [site-security-list]", "    too: [site-security-list]");
        assertThatThrownBy(() -> reader.read("x.yaml", new StringReader(bad)))
                .hasMessageContaining("x.yaml:9").hasMessageContaining("unknown key 'too'");
    }

    @Test
    void broken_yaml_names_the_line() {
        String bad = GOOD.replace("at: {anchor: advisory}", "at: {anchor: advisory");
        assertThatThrownBy(() -> reader.read("x.yaml", new StringReader(bad)))
                .isInstanceOf(ProcedureFileException.class).hasMessageContaining("x.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    void a_missing_template_is_found_at_load_time() {
        String bad = GOOD.replace("advisory.ftl", "advisory.txt");
        assertThatThrownBy(() -> reader.read("x.yaml", new StringReader(bad)))
                .hasMessageContaining("x.yaml:8").hasMessageContaining("template 'advisory.txt' not found");
    }

    @Test
    void a_broken_edit_keeps_the_last_good_version_in_force(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("test.yaml");
        Files.writeString(file, GOOD);
        FileProcedureCatalog catalog = new FileProcedureCatalog(dir, name -> name.endsWith(".ftl"));
        assertThat(catalog.find("test-proc")).isPresent();
        Files.writeString(file, GOOD.replace("calendar-days: 7", "calendar-days: seven"));
        file.toFile().setLastModified(System.currentTimeMillis() + 5000);
        catalog.refresh();
        assertThat(catalog.find("test-proc")).isPresent();
        assertThat(catalog.errors()).singleElement().extracting(ProcedureFileException::line).isEqualTo(2);
        Files.writeString(file, GOOD.replace("calendar-days: 7", "calendar-days: 10"));
        file.toFile().setLastModified(System.currentTimeMillis() + 10000);
        catalog.refresh();
        assertThat(catalog.errors()).isEmpty();
        assertThat(catalog.get("test-proc").deadline().offset().calendarDays()).isEqualTo(10);
    }
}
