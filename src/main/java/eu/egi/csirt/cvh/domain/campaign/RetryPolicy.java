package eu.egi.csirt.cvh.domain.campaign;

import java.time.Duration;
import java.time.Instant;

/** Exponential backoff for outbox delivery: 1, 2, 4 … minutes up to 6 hours; dead after maxAttempts. */
public record RetryPolicy(int maxAttempts) {

    public boolean isDead(int attempt) {
        return attempt >= maxAttempts;
    }

    public Instant nextAttempt(int attempt, Instant now) {
        return now.plus(Duration.ofMinutes(Math.min(360, 1L << Math.min(Math.max(attempt - 1, 0), 9))));
    }
}
