package io.coupons.query.redemption;

import io.coupons.api.redemption.CurrencyAmount;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The per-code counters: code_usage_view and code_discount_view. */
@Component
public class CodeUsageRows {

    private final JdbcClient jdbc;

    public CodeUsageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A code's counters; in force = recorded - reversals. */
    record Counters(String code, UUID campaignId, UUID batchId, long recorded, long reversals, Instant lastUsedAt) {

        long inForce() {
            return recorded - reversals;
        }
    }

    /** Counts one new redemption; answers whether it is the code's first ever. */
    boolean recordUse(String code, UUID campaignId, UUID batchId, Instant at, Money discount) {
        long recorded = jdbc.sql("""
                        INSERT INTO code_usage_view AS u (code, campaign_id, batch_id, recorded, last_used_at)
                        VALUES (?, ?, ?, 1, ?)
                        ON CONFLICT (code) DO UPDATE SET recorded = u.recorded + 1,
                               last_used_at = GREATEST(u.last_used_at, excluded.last_used_at)
                        RETURNING recorded""")
                .params(code, campaignId, batchId, Timestamp.from(at))
                .query(Long.class).single();
        addDiscount(code, discount.currency(), discount.amount());
        return recorded == 1;
    }

    /** Gives one use back. Last used stays: it says when the code was last used, not whether that use stands. */
    void reverseUse(String code, String currency, BigDecimal amount) {
        jdbc.sql("UPDATE code_usage_view SET reversals = reversals + 1 WHERE code = ?").param(code).update();
        addDiscount(code, currency, amount.negate());
    }

    private void addDiscount(String code, String currency, BigDecimal amount) {
        jdbc.sql("""
                        INSERT INTO code_discount_view AS d (code, currency, discount_given) VALUES (?, ?, ?)
                        ON CONFLICT (code, currency) DO UPDATE SET discount_given = d.discount_given + excluded.discount_given""")
                .params(code, currency, amount).update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE code_usage_view, code_discount_view").update();
    }

    Optional<Counters> find(String code) {
        return jdbc.sql("SELECT * FROM code_usage_view WHERE code = ?").param(code)
                .query((row, i) -> new Counters(row.getString("code"), row.getObject("campaign_id", UUID.class),
                        row.getObject("batch_id", UUID.class), row.getLong("recorded"), row.getLong("reversals"),
                        row.getTimestamp("last_used_at").toInstant()))
                .optional();
    }

    List<CurrencyAmount> discountGiven(String code) {
        return jdbc.sql("SELECT currency, discount_given FROM code_discount_view WHERE code = ? ORDER BY currency")
                .param(code)
                .query((row, i) -> new CurrencyAmount(row.getString("currency"), row.getBigDecimal("discount_given")))
                .list();
    }

    /** Codes with at least one redemption in force: of a campaign, or of one of its batches. */
    long codesRedeemed(UUID campaignId, UUID batchId) {
        String where = batchId == null ? "campaign_id = ?" : "campaign_id = ? AND batch_id = ?";
        Object[] parameters = batchId == null ? new Object[] {campaignId} : new Object[] {campaignId, batchId};
        return jdbc.sql("SELECT count(*) FROM code_usage_view WHERE " + where + " AND recorded > reversals")
                .params(parameters).query(Long.class).single();
    }
}
