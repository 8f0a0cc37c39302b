package eu.egi.csirt.cvh.domain.engine;

/** A decision the procedure does not allow now, with the reason to show the officer. */
public class DecisionRefusedException extends RuntimeException {
    public DecisionRefusedException(String message) {
        super(message);
    }
}
