package eu.egi.csirt.cvh.adapter.procedure;

import eu.egi.csirt.cvh.domain.procedure.ProcedureDefinition;
import eu.egi.csirt.cvh.port.ProcedureCatalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The procedures in a folder ({@code config/procedures}). A file that changes is re-read on the next
 * look-up; a file with an error keeps its last good version in force and the error is reported, so a
 * typo during a campaign never stops the runtime.
 */
public final class FileProcedureCatalog implements ProcedureCatalog {

    private static final System.Logger LOG = System.getLogger(FileProcedureCatalog.class.getName());
    private static final long RECHECK_MILLIS = 1000;

    private final Path folder;
    private final ProcedureYamlReader reader;
    private final Map<Path, Loaded> loaded = new TreeMap<>();
    private volatile Map<String, ProcedureDefinition> byId = Map.of();
    private volatile List<ProcedureFileException> errors = List.of();
    private long lastCheck = Long.MIN_VALUE;

    public FileProcedureCatalog(Path folder, Predicate<String> templateExists) {
        this.folder = folder;
        this.reader = new ProcedureYamlReader(templateExists);
        refresh();
    }

    /** Loads one file without keeping it: used to validate a file and by tests. */
    public ProcedureDefinition readFile(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.read(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<ProcedureDefinition> find(String id) {
        maybeRefresh();
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Collection<ProcedureDefinition> all() {
        maybeRefresh();
        return byId.values();
    }

    /** The files that currently fail to load, each with file and line. */
    public List<ProcedureFileException> errors() {
        maybeRefresh();
        return errors;
    }

    private synchronized void maybeRefresh() {
        long now = System.currentTimeMillis();
        if (now - lastCheck >= RECHECK_MILLIS) {
            refresh();
        }
    }

    public synchronized void refresh() {
        lastCheck = System.currentTimeMillis();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list procedures in " + folder, e);
        }
        loaded.keySet().retainAll(files);
        List<ProcedureFileException> newErrors = new java.util.ArrayList<>();
        for (Path file : files) {
            long modified = file.toFile().lastModified();
            Loaded previous = loaded.get(file);
            if (previous != null && previous.modified == modified) {
                if (previous.error != null) newErrors.add(previous.error);
                continue;
            }
            try {
                ProcedureDefinition def = readFile(file);
                loaded.put(file, new Loaded(modified, def, null));
                if (previous != null) {
                    LOG.log(System.Logger.Level.INFO, "procedure " + def.id() + " re-read from " + file);
                }
            } catch (ProcedureFileException e) {
                LOG.log(System.Logger.Level.ERROR, "procedure file rejected, last good version stays in force: " + e.getMessage());
                newErrors.add(e);
                loaded.put(file, new Loaded(modified, previous != null ? previous.definition : null, e));
            }
        }
        Map<String, ProcedureDefinition> ids = new TreeMap<>();
        loaded.values().stream().filter(l -> l.definition != null).forEach(l -> ids.put(l.definition.id(), l.definition));
        byId = Map.copyOf(ids);
        errors = List.copyOf(newErrors);
    }

    private record Loaded(long modified, ProcedureDefinition definition, ProcedureFileException error) {}
}
