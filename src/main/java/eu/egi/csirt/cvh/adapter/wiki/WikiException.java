package eu.egi.csirt.cvh.adapter.wiki;

import java.io.IOException;

/** The wiki answered, but not with success: failed login, API error, refused edit. */
public class WikiException extends IOException {

    private final String code;

    public WikiException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The wiki's error code (e.g. {@code badtoken}, {@code login-failed}). */
    public String code() {
        return code;
    }
}
