package eu.egi.csirt.cvh.support;

import eu.egi.csirt.cvh.adapter.procedure.FileProcedureCatalog;
import eu.egi.csirt.cvh.app.ConfigFiles;
import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;

import java.nio.file.Path;

/** The real procedures of {@code config/procedures}: tests prove the shipped configuration. */
public final class Procedures {
    public static final Path CONFIG = Path.of("config");
    private static final FileProcedureCatalog CATALOG = ConfigFiles.procedures(CONFIG);

    private Procedures() {}

    public static FileProcedureCatalog catalog() {
        return CATALOG;
    }

    public static ProcedureDefinition sec03Critical() { return CATALOG.get("sec03-critical"); }
    public static ProcedureDefinition sec03Reintroduced() { return CATALOG.get("sec03-reintroduced"); }
    public static ProcedureDefinition sdisTicket() { return CATALOG.get("sdis-ticket"); }
}
