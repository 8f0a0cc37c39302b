package eu.egi.csirt.cvh.port;

import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;

import java.util.Collection;
import java.util.Optional;

/** The procedures the officer configured; re-read when their files change. */
public interface ProcedureCatalog {
    Optional<ProcedureDefinition> find(String id);

    Collection<ProcedureDefinition> all();

    default ProcedureDefinition get(String id) {
        return find(id).orElseThrow(() -> new UnknownProcedureException(id, all()));
    }

    class UnknownProcedureException extends RuntimeException {
        public UnknownProcedureException(String id, Collection<ProcedureDefinition> known) {
            super("unknown procedure '" + id + "'; known: "
                    + String.join(", ", known.stream().map(ProcedureDefinition::id).sorted().toList()));
        }
    }
}
