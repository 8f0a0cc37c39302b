package eu.egi.csirt.cvh.adapter.console;

/** A request the console answers with a 4xx status and a message for the caller (never a stack trace). */
public final class ConsoleException extends RuntimeException {

    private final int status;

    public ConsoleException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ConsoleException badRequest(String message) { return new ConsoleException(400, message); }

    public static ConsoleException unauthorized(String message) { return new ConsoleException(401, message); }

    public static ConsoleException forbidden(String message) { return new ConsoleException(403, message); }

    public static ConsoleException notFound(String message) { return new ConsoleException(404, message); }

    /** The procedure (or the current state) does not allow it now. */
    public static ConsoleException conflict(String message) { return new ConsoleException(409, message); }

    /** Well-formed, but a field is missing or wrong. */
    public static ConsoleException invalid(String message) { return new ConsoleException(422, message); }
}
