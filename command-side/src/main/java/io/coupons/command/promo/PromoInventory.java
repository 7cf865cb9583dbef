package io.coupons.command.promo;

import io.coupons.api.promo.PromoBatchId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The uses of promo codes with inventory ({@code promo_code_usage}), and the lock that makes
 * Modify Inventory exact against redemptions running at the same moment, on any number of
 * instances.
 *
 * <p>A code's remaining usages are the batch's allowance minus its uses counted since the batch's
 * current Set ({@link PromoTerms} keeps both numbers in one row). Every use taken or given back
 * holds a shared advisory lock on its batch until its transaction ends; the handler of Modify
 * Inventory takes the same lock exclusively before it changes the batch's row. PostgreSQL grants
 * the exclusive lock only once every redemption that holds the shared one has committed, and
 * queues every later redemption behind it until the change has committed. So each redemption
 * reads the allowance and Set number wholly before the change or wholly after it: none is lost,
 * none counted twice. Advisory locks live in PostgreSQL's lock table, not in rows, so a million
 * shared holders write nothing to disk and redemptions of one batch do not queue on each other.
 */
@Component
public class PromoInventory {

    /** First key of the two-key advisory lock space, "PROM"; the batch id gives the second. */
    private static final int LOCK_CLASS = 0x50524F4D;

    private final JdbcClient jdbc;

    PromoInventory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes one use of the code if it has one left; answers the Set number it was counted in, or
     * empty when its remaining usages are spent. Call only for batches with inventory enabled.
     */
    public Optional<Integer> takeUse(PromoBatchId batch, String code) {
        lockShared(batch);
        // The lock's own statement came first: this one's snapshot is taken after it was granted,
        // so it sees any Modify Inventory committed before.
        return jdbc.sql("""
                        INSERT INTO promo_code_usage AS u (code, set_number, used)
                        SELECT ?, b.set_number, 1 FROM promo_batch_terms b
                        WHERE b.promo_batch_id = ? AND b.allowance > 0
                        ON CONFLICT (code) DO UPDATE
                            SET set_number = excluded.set_number,
                                used = CASE WHEN u.set_number = excluded.set_number THEN u.used + 1 ELSE 1 END
                            WHERE u.set_number <> excluded.set_number
                               OR u.used < (SELECT b.allowance FROM promo_batch_terms b WHERE b.promo_batch_id = ?)
                        RETURNING u.set_number""")
                .params(code, batch.value(), batch.value())
                .query(Integer.class).optional();
    }

    /**
     * Gives a reversed redemption's use back, but only while the Set it was counted in is still in
     * force: a Set since then has replaced every code's remaining usages, this one's included.
     */
    public void giveUseBack(PromoBatchId batch, String code, int setNumber) {
        lockShared(batch);
        jdbc.sql("UPDATE promo_code_usage SET used = used - 1 WHERE code = ? AND set_number = ? AND used > 0")
                .params(code, setNumber).update();
    }

    /** Remaining usages now, without taking any (validation; a redemption right after may still lose). */
    public long remaining(PromoBatchId batch, String code) {
        return jdbc.sql("""
                        SELECT b.allowance - coalesce((SELECT u.used FROM promo_code_usage u
                                                       WHERE u.code = ? AND u.set_number = b.set_number), 0)
                        FROM promo_batch_terms b WHERE b.promo_batch_id = ?""")
                .params(code, batch.value()).query(Long.class).optional().orElse(0L);
    }

    /** Held by Modify Inventory's transaction: waits for the uses in flight, holds back the next ones. */
    void lockExclusive(PromoBatchId batch) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, key(batch)).query((rs, row) -> 1).single();
    }

    private void lockShared(PromoBatchId batch) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(?, ?)").params(LOCK_CLASS, key(batch))
                .query((rs, row) -> 1).single();
    }

    /** Two batches sharing a key only wait for each other's changes; never wrong, rarely slower. */
    private static int key(PromoBatchId batch) {
        long bits = batch.value().getMostSignificantBits() ^ batch.value().getLeastSignificantBits();
        return (int) (bits ^ (bits >>> 32));
    }
}
