package eu.egi.csirt.cvh.domain.procedure;

/** A step that happens again every {@code every} while it is before {@code until}. */
public record Repeat(Offset every, Timing until) {
    public Repeat {
        if (!every.isPositive()) {
            throw new IllegalArgumentException("repeat.every must be positive");
        }
    }
}
