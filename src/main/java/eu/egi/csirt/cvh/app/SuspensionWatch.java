package eu.egi.csirt.cvh.app;

import eu.egi.csirt.cvh.domain.engine.ProcedureEngine;
import eu.egi.csirt.cvh.domain.engine.TickReport;
import eu.egi.csirt.cvh.port.CertificationCheck;

import java.util.Optional;

/** SEC03 4.5 with GOCDB: looks whether requested suspensions were carried out in the portal. */
public final class SuspensionWatch {
    private final ProcedureEngine engine;
    private final Optional<CertificationCheck> gocdb;

    public SuspensionWatch(ProcedureEngine engine, Optional<CertificationCheck> gocdb) {
        this.engine = engine;
        this.gocdb = gocdb;
    }

    public TickReport run() {
        return gocdb.map(engine::checkRequestedSuspensions).orElseGet(TickReport::new);
    }
}
