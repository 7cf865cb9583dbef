package io.coupons.command.redemption;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force guard: a client (the customer's account, else the calling user) that looked up more
 * than {@code unknownCodeLimit} unknown codes in a window waits out a window before it may look up
 * any code again, known or not (blocking only misses would still let a hit through).
 *
 * <p>Misses are counted in the database, in a transaction of their own (after the command's has
 * committed), and shared by every instance. The block is also remembered in memory, so a
 * blocked client costs no query; an instance that has not seen the block learns it on the
 * client's first miss there.
 */
@Component
public class LookupThrottle {

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

    /** Seconds the client must still wait, or 0 when it may look codes up. */
    public long waitSeconds(String client) {
        Instant until = blockedUntil.get(client);
        if (until == null) {
            return 0;
        }
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            blockedUntil.remove(client, until);
            return 0;
        }
        return Math.max(1, Duration.between(now, until).toSeconds() + 1);
    }

    /** Counts a miss; the miss that uses up the client's allowance starts its wait. */
    public void recordMiss(String client) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp windowOpen = Timestamp.from(now.minus(settings.unknownCodeWindow()));
        Timestamp blockEnd = Timestamp.from(now.plus(settings.unknownCodeWindow()));
        int limit = settings.unknownCodeLimit();
        Timestamp until = ownTransaction.execute(status -> jdbc.sql("""
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
                .param("client", client).param("at", at).param("limit", limit).param("blockEnd", blockEnd)
                .param("windowOpen", windowOpen)
                .query((rs, row) -> rs.getTimestamp(1)).list().get(0));
        if (until != null && until.toInstant().isAfter(now)) {
            blockedUntil.put(client, until.toInstant());
        }
    }

}
