package eu.egi.csirt.cvh.app;

import eu.egi.csirt.cvh.adapter.procedure.FileProcedureCatalog;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the configuration folder keeps procedures and templates. */
public final class ConfigFiles {
    private ConfigFiles() {}

    public static Path procedureFolder(Path config) {
        return config.resolve("procedures");
    }

    public static Path templateFolder(Path config) {
        return config.resolve("templates");
    }

    public static FileProcedureCatalog procedures(Path config) {
        Path templates = templateFolder(config);
        return new FileProcedureCatalog(procedureFolder(config), name -> Files.isRegularFile(templates.resolve(name)));
    }
}
