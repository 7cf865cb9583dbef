package io.coupons.command.redemption;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force guard, owner of {@code code_lookup_miss}: every unknown code counts against the
 * order's account (when it names one; {@code unknownCodeLimit} per window) and against the
 * authenticated caller ({@code callerMissLimit} per window, a budget for all the shoppers of one
 * checkout). A key that used up its allowance waits out a window before it may look up any code
 * again, known or not (blocking only misses would still let a hit through).
 *
 * <p>Misses are counted in the database, in a transaction of their own (after the command's has
 * committed), and shared by every instance. Every instance reads the block state of a request's
 * keys in the code lookup's own statement ({@link #blockColumns}), so it refuses a blocked client
 * on the first request it sees; a block is also remembered in memory, so a blocked client then
 * costs no query.
 */
@Component
public class LookupThrottle {

    private static final Logger log = LoggerFactory.getLogger(LookupThrottle.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final RedemptionProperties settings;
    private final Clock clock;
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    public LookupThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, RedemptionProperties settings,
                          Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.clock = clock;
    }

    /** Until when each key of a request was blocked, as the shared table said (null: not blocked). */
    public record Blocks(Instant account, Instant caller) {
    }

    /**
     * SQL for two columns, {@code account_blocked_until} and {@code caller_blocked_until}, of the
     * named parameters {@code accountKey} and {@code callerKey} (a {@link LookupClient}'s keys): one
     * primary-key probe each, the same for every code looked up, so a statement that finds a code
     * can carry them without a round trip of its own. Read them with {@link #blocks}.
     */
    static String blockColumns(String accountKey, String callerKey) {
        return """
                (SELECT m.blocked_until FROM code_lookup_miss m WHERE m.client_key = %s) AS account_blocked_until,
                (SELECT m.blocked_until FROM code_lookup_miss m WHERE m.client_key = %s) AS caller_blocked_until"""
                .formatted(accountKey, callerKey);
    }

    static Blocks blocks(ResultSet rs) throws SQLException {
        return new Blocks(instant(rs.getTimestamp("account_blocked_until")),
                instant(rs.getTimestamp("caller_blocked_until")));
    }

    /** Seconds the client must still wait by what this instance remembers (no query), or 0. */
    public long waitSeconds(LookupClient client) {
        Instant now = clock.instant();
        long wait = client.accountKey() == null ? 0 : remembered(client.accountKey(), now);
        return Math.max(wait, remembered(client.callerKey(), now));
    }

    /** Remembers blocks read from the shared table; answers the seconds the client must still wait, or 0. */
    public long waitSeconds(LookupClient client, Blocks shared) {
        Instant now = clock.instant();
        remember(client.accountKey(), shared.account(), now);
        remember(client.callerKey(), shared.caller(), now);
        return waitSeconds(client);
    }

    /**
     * Counts a miss against the account and the caller, in one transaction; the miss that uses up a
     * key's allowance starts its wait. The account's row is locked first and the caller's (shared
     * by every shopper of a checkout, so the hot one) last, in every transaction: no deadlock, and
     * the hot row is held only for one statement and the commit.
     */
    public void recordMiss(LookupClient client) {
        // Whole microseconds, as PostgreSQL keeps them: a block read back equals the one written.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ownTransaction.executeWithoutResult(status -> {
            if (client.accountKey() != null) {
                count(client.accountKey(), settings.unknownCodeLimit(), settings.unknownCodeWindow(), now);
            }
            Instant callerBlock = count(client.callerKey(), settings.callerMissLimit(), settings.callerMissWindow(),
                    now);
            if (now.plus(settings.callerMissWindow()).equals(callerBlock)) {
                // One caller is often a whole checkout: every shopper behind it now gets 429.
                log.warn("{} used up its budget of {} unknown codes per {}; its lookups are refused until {}",
                        client.callerKey(), settings.callerMissLimit(), settings.callerMissWindow(), callerBlock);
            }
        });
    }

    /** One guarded upsert of a key's row; answers until when the key is blocked (null: not blocked). */
    private Instant count(String key, int limit, Duration window, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowOpen = Timestamp.from(now.minus(window));
        Timestamp blockEnd = Timestamp.from(now.plus(window));
        Timestamp until = jdbc.sql("""
                        INSERT INTO code_lookup_miss AS m (client_key, window_start, misses, blocked_until)
                        VALUES (:client, :at, 1, CASE WHEN :limit <= 1 THEN CAST(:blockEnd AS timestamptz) END)
                        ON CONFLICT (client_key) DO UPDATE SET
                            window_start = CASE WHEN m.window_start <= :windowOpen
                                                THEN CAST(:at AS timestamptz) ELSE m.window_start END,
                            misses = CASE WHEN m.window_start <= :windowOpen THEN 1 ELSE m.misses + 1 END,
                            blocked_until = CASE
                                WHEN m.window_start <= :windowOpen
                                    THEN CASE WHEN :limit <= 1 THEN CAST(:blockEnd AS timestamptz) END
                                WHEN m.misses + 1 >= :limit THEN CAST(:blockEnd AS timestamptz)
                                ELSE m.blocked_until END
                        RETURNING blocked_until""")
                .param("client", key).param("at", at).param("limit", limit).param("blockEnd", blockEnd)
                .param("windowOpen", windowOpen)
                .query((rs, row) -> rs.getTimestamp(1)).list().get(0);
        Instant blocked = instant(until);
        remember(key, blocked, now);
        return blocked;
    }

    private void remember(String key, Instant until, Instant now) {
        if (key != null && until != null && until.isAfter(now)) {
            blockedUntil.merge(key, until, (known, read) -> known.isAfter(read) ? known : read);
        }
    }

    private long remembered(String key, Instant now) {
        Instant until = blockedUntil.get(key);
        if (until == null) {
            return 0;
        }
        if (!now.isBefore(until)) {
            blockedUntil.remove(key, until);
            return 0;
        }
        return Math.max(1, Duration.between(now, until).toSeconds() + 1);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Clients (accounts and callers) blocked right now, on every instance (for the metrics). */
    public long blockedNow() {
        return jdbc.sql("SELECT count(*) FROM code_lookup_miss WHERE blocked_until > now()").query(Long.class).single();
    }
}
