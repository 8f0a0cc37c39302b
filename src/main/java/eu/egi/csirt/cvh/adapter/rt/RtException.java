package eu.egi.csirt.cvh.adapter.rt;

/** RT refused or failed a request: the HTTP status and RT's own message, never credentials. */
public class RtException extends RuntimeException {

    private final int status;

    public RtException(int status, String message) {
        super(message);
        this.status = status;
    }

    public RtException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, 0 when RT could not be reached. */
    public int status() {
        return status;
    }
}
