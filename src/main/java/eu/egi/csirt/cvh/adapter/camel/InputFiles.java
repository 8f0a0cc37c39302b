package eu.egi.csirt.cvh.adapter.camel;

import eu.egi.csirt.cvh.adapter.feed.PakitiCsvReader;
import eu.egi.csirt.cvh.adapter.procedure.AdvisoryYamlReader;
import eu.egi.csirt.cvh.adapter.procedure.DecisionYamlReader;
import eu.egi.csirt.cvh.adapter.procedure.FileProcedureCatalog;
import eu.egi.csirt.cvh.adapter.procedure.ProcedureFileException;
import eu.egi.csirt.cvh.adapter.store.JdbcVulnerabilityStatus;
import eu.egi.csirt.cvh.domain.campaign.Advisory;
import eu.egi.csirt.cvh.domain.campaign.Campaign;
import eu.egi.csirt.cvh.domain.engine.ProcedureEngine;
import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * What the file routes hand over: advisories (campaign start), status feeds and decisions. Every
 * method throws on bad input with a message naming the file (and line); the route moves the file to
 * the error folder and writes the reason beside it.
 */
public final class InputFiles {

    private static final System.Logger LOG = System.getLogger(InputFiles.class.getName());

    private final ProcedureEngine engine;
    private final FileProcedureCatalog procedures;
    private final JdbcVulnerabilityStatus status;
    private final Clock clock;

    public InputFiles(ProcedureEngine engine, FileProcedureCatalog procedures, JdbcVulnerabilityStatus status, Clock clock) {
        this.engine = engine;
        this.procedures = procedures;
        this.status = status;
        this.clock = clock;
    }

    /** SEC03 2.3: an advisory file starts a campaign. */
    public String advisory(String fileName, String content) {
        Advisory advisory = AdvisoryYamlReader.read(fileName, new StringReader(content), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                procedures.all().stream().map(ProcedureDefinition::id).collect(Collectors.toSet()),
                procedures.errors().stream().map(ProcedureFileException::getMessage).toList());
        Campaign c = engine.start(advisory);
        String msg = "campaign " + c.id() + " (" + c.procedureId() + ") from " + fileName + ": deadline " + c.deadline()
                + ", advisory to " + c.scope();
        LOG.log(System.Logger.Level.INFO, msg);
        return msg;
    }

    /** A Pakiti CSV snapshot; refused (and kept in the error folder) if it would wipe out the data. */
    public String status(String fileName, String content) throws IOException {
        var snapshot = PakitiCsvReader.read(fileName, new StringReader(content), clock.instant());
        if (!status.accept(snapshot)) {
            throw new IOException(fileName + ": refused: the feed is empty while sites were vulnerable (a broken feed is never 'all fixed')");
        }
        String msg = "status feed " + fileName + ": " + snapshot.rowsRead() + " vulnerable host rows, "
                + snapshot.vulnerableHosts().size() + " site/CVE pairs";
        LOG.log(System.Logger.Level.INFO, msg);
        return msg;
    }

    /** A decision by the officer, the OMB, the COO or a ROD (until the console exists). */
    public String decision(String fileName, String content) {
        Object parsed = DecisionYamlReader.readAny(fileName, new StringReader(content));
        String outcome;
        if (parsed instanceof DecisionYamlReader.FalsePositive fp) {
            if (fp.host() == null) {
                status.markSiteFalsePositive(fp.site(), fp.cve(), fp.reason(), fp.actor(), clock.instant());
            } else {
                status.markFalsePositive(fp.site(), fp.cve(), fp.host(), fp.reason(), fp.actor(), clock.instant());
            }
            outcome = "false positive recorded: " + fp.site() + " " + fp.cve() + (fp.host() == null ? "" : " host " + fp.host());
        } else {
            outcome = engine.decide((eu.egi.csirt.cvh.domain.engine.Decision) parsed);
        }
        LOG.log(System.Logger.Level.INFO, fileName + ": " + outcome);
        return outcome;
    }

    /** Writes why a file was rejected beside it in the error folder, for the officer. */
    public void rejected(String folder, String fileName, Exception error) throws IOException {
        Path dir = Path.of(folder, "error");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(fileName + ".error.txt"), clock.instant() + " " + error.getMessage() + System.lineSeparator(),
                StandardCharsets.UTF_8);
        LOG.log(System.Logger.Level.ERROR, "rejected " + Path.of(folder, fileName) + ": " + error.getMessage()
                + " (moved to " + dir + ")");
    }
}
