package eu.egi.csirt.cvh.domain.procedure;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The known anchor instants of one site case (or of a plan). */
public final class Anchors {
    private final Map<Anchor, Instant> values = new EnumMap<>(Anchor.class);

    public Anchors with(Anchor anchor, Instant at) {
        if (at != null) {
            values.put(anchor, at);
            if (anchor == Anchor.DEADLINE) {
                values.put(Anchor.TICKET_DUE, at);
            }
        }
        return this;
    }

    public Optional<Instant> get(Anchor anchor) {
        return Optional.ofNullable(values.get(anchor));
    }
}
