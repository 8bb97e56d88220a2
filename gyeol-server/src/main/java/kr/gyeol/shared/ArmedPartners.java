package kr.gyeol.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partners that have test faults armed, as last read from the database or armed
 * through this node: a call of any other partner asks the database nothing, so calls pay
 * for faults only while some are armed. A fault armed here counts as armed here for ten
 * seconds whatever a refresh read, so a read that began before it was armed cannot hide
 * it.
 */
public final class ArmedPartners {

    private static final long LOCALLY_ARMED_NANOS = Duration.ofSeconds(10).toNanos();

    private volatile Set<String> armed = Set.of();

    private final Map<String, Long> armedHere = new ConcurrentHashMap<>();

    /** Replaces the set by the partners a refresh read, and those armed here of late. */
    public void refreshed(Collection<String> read) {
        Set<String> armed = new HashSet<>(read);
        long recent = System.nanoTime() - LOCALLY_ARMED_NANOS;
        this.armedHere.entrySet().removeIf((entry) -> entry.getValue() < recent);
        armed.addAll(this.armedHere.keySet());
        this.armed = Set.copyOf(armed);
    }

    /** A fault was armed for the partner through this node. */
    public void armedHere(PartnerId partnerId) {
        this.armedHere.put(partnerId.value(), System.nanoTime());
        Set<String> armed = new HashSet<>(this.armed);
        armed.add(partnerId.value());
        this.armed = Set.copyOf(armed);
    }

    /** Whether the partner may have a fault armed. */
    public boolean contains(PartnerId partnerId) {
        return this.armed.contains(partnerId.value());
    }

}
