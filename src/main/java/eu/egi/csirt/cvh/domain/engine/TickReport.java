package eu.egi.csirt.cvh.domain.engine;

import java.util.Map;
import java.util.TreeMap;

/** What one tick of the engine did, by step and outcome; for logs and the simulation. */
public final class TickReport {
    private final Map<String, Integer> counts = new TreeMap<>();

    public synchronized void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    public synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    public synchronized boolean isEmpty() {
        return counts.isEmpty();
    }

    @Override
    public synchronized String toString() {
        return counts.toString();
    }
}
