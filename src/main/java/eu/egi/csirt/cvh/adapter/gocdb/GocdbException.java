package eu.egi.csirt.cvh.adapter.gocdb;

/** A GOCDB call that failed: which method, and the HTTP status when there was a response (else 0). */
public final class GocdbException extends RuntimeException {

    private final String method;
    private final int httpStatus;

    public GocdbException(String method, int httpStatus, String message, Throwable cause) {
        super("GOCDB " + method + (httpStatus > 0 ? " HTTP " + httpStatus : "") + ": " + message, cause);
        this.method = method;
        this.httpStatus = httpStatus;
    }

    public GocdbException(String method, int httpStatus, String message) {
        this(method, httpStatus, message, null);
    }

    public String method() {
        return method;
    }

    /** 0 when GOCDB could not be reached or the body could not be read. */
    public int httpStatus() {
        return httpStatus;
    }
}
