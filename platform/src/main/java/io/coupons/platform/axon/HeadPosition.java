package io.coupons.platform.axon;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The event store's head position, read at most once per {@code maxAgeNanos}: one scrape asks
 * every processor's lag gauge in a row, and each asked the store for its head (a
 * {@code max(global_index)} query per processor per scrape, six on the query side). A head a few
 * hundred milliseconds old only ever makes a lag look smaller by what was appended since.
 * Elapsed time is the JVM's monotonic clock, not the application's {@code Clock}, which tests fix.
 */
final class HeadPosition {

    private final Supplier<Long> read;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private long readAt;
    private Long head;
    private boolean known;

    HeadPosition(Supplier<Long> read, long maxAgeNanos, LongSupplier nanoTime) {
        this.read = read;
        this.maxAgeNanos = maxAgeNanos;
        this.nanoTime = nanoTime;
    }

    /** The head's position, or null for an empty store. */
    synchronized Long get() {
        long now = nanoTime.getAsLong();
        if (!known || now - readAt >= maxAgeNanos) {
            head = read.get();
            readAt = now;
            known = true;
        }
        return head;
    }
}
