package io.coupons.command.common;

import java.time.Instant;

/**
 * The instants a command may carry: from {@link #EARLIEST} (inclusive) to {@link #END}
 * (exclusive), i.e. the years 2000 to 9999 in UTC. Every policy that takes an instant checks it
 * here, so nothing outside the range reaches an event.
 *
 * <p>Why bounded at all: {@link Instant} spans a billion years each way, but what stores and reads
 * an event's instants does not. {@code java.sql.Timestamp.from} (the command side's redemption
 * lookup tables, the query side's projections) overflows a {@code long} of milliseconds beyond
 * about ±292 million years; PostgreSQL's {@code timestamptz} ends at 294276 AD; the JDBC driver
 * turns dates before 1582 into Julian-calendar dates. An event the projections cannot write would
 * stop them for good (they retry a failing event, never skip it). Why these bounds: no coupon
 * starts or ends before the year 2000 (a start in the past is still allowed), and 9999 is the last
 * year ISO 8601 writes with four digits and no sign, which every JSON client and spreadsheet reads.
 */
public final class Instants {

    /** The first supported instant: 2000-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The first instant after the supported range: 10000-01-01T00:00:00Z. */
    public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private static final String PROBLEM = "must be from " + EARLIEST + " up to (not including) " + END;

    private Instants() {
    }

    /** Adds a violation for {@code field} unless {@code value} is absent or within the range. */
    public static void check(Violations violations, String field, Instant value) {
        violations.addIf(!supported(value), field, PROBLEM);
    }

    /** Absent or within the range. */
    public static boolean supported(Instant value) {
        return value == null || (!value.isBefore(EARLIEST) && value.isBefore(END));
    }
}
