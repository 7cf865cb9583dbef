package io.coupons.query.redemption;

import io.coupons.api.common.PageRequest;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.RedemptionView;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The redemption_view table: one row per redemption. Its primary key is what makes the usage
 * projection idempotent: counters move only when a row is inserted or flips to reversed.
 */
@Component
public class RedemptionRows {

    private final JdbcClient jdbc;

    public RedemptionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a reversal takes back, as it was counted when the redemption was recorded. */
    record Reversed(String code, UUID campaignId, UUID batchId, String currency, BigDecimal discountTotal) {
    }

    /** False when the redemption is already there (a redelivery or a replay over kept rows). */
    boolean insert(CodeRedeemedEvent event, Instant at, Money discount) {
        return jdbc.sql("""
                        INSERT INTO redemption_view (redemption_id, code, campaign_id, batch_id, order_id, account_id,
                                                     redeemed_at, currency, discount_total, credit, via_url_token)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (redemption_id) DO NOTHING""")
                .params(event.redemptionId().value(), event.code(), event.campaignId().value(),
                        event.batchId() == null ? null : event.batchId().value(), event.orderId(), event.accountId(),
                        Timestamp.from(at), discount.currency(), discount.amount(),
                        event.discount() == null ? null : event.discount().credit(), event.viaUrlToken())
                .update() == 1;
    }

    /** Empty unless this call flipped the row to reversed: a second reversal gives nothing back again. */
    Optional<Reversed> reverse(UUID redemptionId, Instant at, String reason) {
        return jdbc.sql("""
                        UPDATE redemption_view SET reversed_at = ?, reversal_reason = ?
                        WHERE redemption_id = ? AND reversed_at IS NULL
                        RETURNING code, campaign_id, batch_id, currency, discount_total""")
                .params(Timestamp.from(at), reason, redemptionId)
                .query((row, i) -> new Reversed(row.getString("code"), row.getObject("campaign_id", UUID.class),
                        row.getObject("batch_id", UUID.class), row.getString("currency"),
                        row.getBigDecimal("discount_total")))
                .optional();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE redemption_view").update();
    }

    /** Newest first; ties (same instant) in a fixed order so pages never overlap. */
    List<RedemptionView> page(String code, PageRequest page) {
        return jdbc.sql("""
                        SELECT * FROM redemption_view WHERE code = ?
                        ORDER BY redeemed_at DESC, redemption_id DESC LIMIT ? OFFSET ?""")
                .params(code, page.size(), page.offset())
                .query(RedemptionRows::view).list();
    }

    private static RedemptionView view(ResultSet row, int rowNum) throws SQLException {
        Timestamp reversedAt = row.getTimestamp("reversed_at");
        return new RedemptionView(row.getObject("redemption_id", UUID.class), row.getString("code"),
                row.getObject("campaign_id", UUID.class), row.getString("order_id"), row.getString("account_id"),
                row.getTimestamp("redeemed_at").toInstant(), row.getString("currency"),
                row.getBigDecimal("discount_total"), row.getBigDecimal("credit"), row.getBoolean("via_url_token"),
                reversedAt != null, reversedAt == null ? null : reversedAt.toInstant(),
                row.getString("reversal_reason"));
    }
}
