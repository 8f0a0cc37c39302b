package eu.egi.csirt.cvh.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {

    private JsonNode plan(String... args) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, "UTF-8"));
        try {
            String[] withCommand = new String[args.length + 1];
            withCommand[0] = "plan";
            System.arraycopy(args, 0, withCommand, 1, args.length);
            assertThat(Application.commandLine().execute(withCommand)).isZero();
        } finally {
            System.setOut(old);
        }
        return new ObjectMapper().readTree(out.toString("UTF-8"));
    }

    @Test
    void plan_prints_every_step_with_its_section_and_utc_instant() throws Exception {
        JsonNode plan = plan("--procedure", "sec03-critical", "--issued", "2027-03-19T10:00:00Z", "--holiday", "2027-03-25");
        assertThat(plan.get("procedure").asText()).isEqualTo("sec03-critical");
        assertThat(plan.get("issued").asText()).isEqualTo("2027-03-19T10:00:00Z");
        assertThat(plan.get("deadline").asText()).isEqualTo("2027-03-30T10:00:00Z");
        JsonNode steps = plan.get("steps");
        assertThat(steps.get(1).get("step").asText()).isEqualTo("advisory");
        assertThat(steps.get(1).get("section").asText()).isEqualTo("2.3");
        // 27 Mar Saturday, 26 Good Friday, 25 the added holiday -> Wednesday 24
        assertThat(steps.get(2).get("section").asText()).isEqualTo("2.4");
        assertThat(steps.get(2).get("at").asText()).isEqualTo("2027-03-24T10:00:00Z");
        assertThat(steps.findValuesAsText("step").stream().filter("daily-check"::equals)).hasSize(4);
        assertThat(steps.get(steps.size() - 1).get("section").asText()).isEqualTo("4.2");
    }

    @Test
    void plan_without_the_extra_holiday_opens_the_ticket_on_thursday() throws Exception {
        JsonNode plan = plan("--procedure", "sec03-critical", "--issued", "2027-03-19T10:00:00Z");
        assertThat(plan.get("steps").get(2).get("at").asText()).isEqualTo("2027-03-25T10:00:00Z");
    }

    @Test
    void sdis_steps_are_numbered_as_the_work_instruction() throws Exception {
        JsonNode plan = plan("--procedure", "sdis-ticket", "--issued", "2026-11-30T10:00:00Z", "--sites", "3");
        assertThat(plan.get("steps").findValuesAsText("section")).contains("SDIS-1", "SDIS-2a", "SDIS-2b", "SDIS-3b");
        assertThat(plan.get("advisory").asText()).isEqualTo("individual");
    }

    @Test
    void an_unknown_procedure_is_an_error_that_lists_the_known_ones() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            CommandLine cli = Application.commandLine();
            assertThat(cli.execute("plan", "--procedure", "nope", "--issued", "2027-03-19T10:00:00Z")).isNotZero();
        } finally {
            System.setErr(oldErr);
        }
        assertThat(err.toString()).contains("unknown procedure 'nope'").contains("sec03-critical").doesNotContain("\tat ");
    }
}
