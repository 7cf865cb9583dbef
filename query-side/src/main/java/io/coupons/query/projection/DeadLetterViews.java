package io.coupons.query.projection;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the dead-letter endpoints answer. */
public final class DeadLetterViews {

    private DeadLetterViews() {
    }

    /** One projection's queue in figures: parked sequences and the events in them. */
    public record Summary(String processor, long sequences, long letters) {
    }

    /** One projection's queue: its figures and its oldest-touched sequences first. */
    public record Queue(String processor, long sequences, long letters, List<Sequence> items) {
    }

    /**
     * Events of one sequence (one aggregate, batch or campaign, as the processor sequences them)
     * parked in order: the first failed, the others wait behind it to keep the order.
     */
    public record Sequence(String sequence, long size, List<Letter> letters) {
    }

    /**
     * One parked event: which event, when parked and last tried, why it failed the last time
     * (the cause is empty for events that only wait behind the failed one), and how many times it
     * was tried while parked.
     */
    public record Letter(String eventId, String eventType, @Nullable String aggregateType,
                         @Nullable String aggregateId, @Nullable Long aggregateSequence, Instant eventTime,
                         Instant enqueuedAt, Instant lastTouched, @Nullable String causeType,
                         @Nullable String causeMessage, long attempts) {
    }

    /** A retry's outcome: sequences tried, those now projected whole, and what is still parked. */
    public record Retry(String processor, int attempted, int resolved, long remainingSequences,
                        long remainingLetters) {
    }
}
