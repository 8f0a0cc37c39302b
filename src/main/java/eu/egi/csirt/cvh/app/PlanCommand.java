package eu.egi.csirt.cvh.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.egi.csirt.cvh.domain.calendar.WorkingCalendar;
import eu.egi.csirt.cvh.domain.procedure.PlannedStep;
import eu.egi.csirt.cvh.domain.procedure.Planner;
import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Prints, as JSON, every step of a procedure with its instant for a site that never acts. Sends nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the dated steps of a procedure for an advisory issued at a given time (JSON). Sends nothing.")
public final class PlanCommand implements Callable<Integer> {

    @Option(names = "--procedure", required = true, description = "procedure id, e.g. sec03-critical")
    String procedure;

    @Option(names = "--issued", required = true, description = "advisory time, ISO-8601 UTC, e.g. 2027-03-19T10:00:00Z")
    Instant issued;

    @Option(names = "--holiday", description = "an extra public holiday (YYYY-MM-DD); repeatable")
    List<LocalDate> holidays = new ArrayList<>();

    @Option(names = "--sites", description = "number of affected sites (chooses list or individual advisory)")
    Integer sites;

    @Option(names = "--config", description = "configuration folder (default: ${DEFAULT-VALUE})")
    java.nio.file.Path config = java.nio.file.Path.of("config");

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(config.resolve("application.properties"), Map.of());
        WorkingCalendar calendar = CalendarSettings.from(settings).withExtraHolidays(holidays);
        ProcedureDefinition def = ConfigFiles.procedures(config).get(procedure);
        System.out.println(json(def, new Planner(calendar)));
        return 0;
    }

    String json(ProcedureDefinition def, Planner planner) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("procedure", def.id());
        out.put("issued", issued.toString());
        out.put("deadline", planner.deadline(def, issued).toString());
        if (sites != null) {
            out.put("sites", sites);
            out.put("advisory", sites <= def.individualSitesThreshold() ? "individual" : "lists");
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (PlannedStep p : planner.plan(def, issued)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", p.step().id());
            s.put("section", p.section());
            s.put("at", p.at().toString());
            s.put("action", p.step().action().yamlName());
            if (p.step().optional()) s.put("optional", true);
            steps.add(s);
        }
        out.put("steps", steps);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    }
}
