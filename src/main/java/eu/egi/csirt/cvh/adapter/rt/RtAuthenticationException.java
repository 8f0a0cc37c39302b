package eu.egi.csirt.cvh.adapter.rt;

/** RT answered 401: the configured user/password or token is wrong. Retrying will not help. */
public class RtAuthenticationException extends RtException {

    public RtAuthenticationException(String message) {
        super(401, message);
    }
}
