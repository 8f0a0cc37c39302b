package eu.egi.csirt.cvh.adapter.procedure;

/** A procedure or advisory file that cannot be used, with the file and line to look at. */
public class ProcedureFileException extends RuntimeException {
    private final String file;
    private final int line;

    public ProcedureFileException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }
    public int line() { return line; }
}
