package io.coupons.query.redemption;

import io.coupons.api.common.PageRequest;
import io.coupons.api.redemption.RedemptionView;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The redemption_view table: one row per redemption. Its primary key is what makes the usage
 * projection idempotent: counters move only for rows inserted now or flipped to reversed now.
 */
@Component
public class RedemptionRows {

    private final JdbcClient jdbc;

    public RedemptionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A redemption as recorded: used at, used by, order, amount. A promo code's has no campaign but
     * its promo batch and the inventory Set it was counted in (null without inventory).
     */
    record Redeemed(UUID redemptionId, String code, UUID campaignId, UUID batchId, String orderId, String accountId,
                    Instant at, Money discount, BigDecimal credit, boolean viaUrlToken, UUID promoBatchId,
                    Integer inventorySet) {

        boolean promo() {
            return campaignId == null;
        }

        CodeUsageRows.CodeOfCampaign codeOfCampaign() {
            return new CodeUsageRows.CodeOfCampaign(code, campaignId);
        }
    }

    record Reversal(UUID redemptionId, Instant at, String reason) {
    }

    /** What a reversal takes back, as it was counted when the redemption was recorded. */
    record Reversed(String code, UUID campaignId, UUID batchId, Money discount, Instant at, UUID promoBatchId,
                    Integer inventorySet) {

        boolean promo() {
            return campaignId == null;
        }

        CodeUsageRows.CodeOfCampaign codeOfCampaign() {
            return new CodeUsageRows.CodeOfCampaign(code, campaignId);
        }
    }

    /** Answers the ids actually inserted: the others were there already (a redelivery or a replay). */
    Set<UUID> insert(List<Redeemed> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        INSERT INTO redemption_view (redemption_id, code, campaign_id, batch_id, order_id, account_id,
                                                     redeemed_at, currency, discount_total, credit, via_url_token,
                                                     promo_batch_id, inventory_set)
                        SELECT * FROM unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[],
                                             ?::timestamptz[], ?::varchar[], ?::numeric[], ?::numeric[], ?::boolean[],
                                             ?::uuid[], ?::int[])
                        ON CONFLICT (redemption_id) DO NOTHING
                        RETURNING redemption_id""")
                .params(SqlArrays.column(rows, Redeemed::redemptionId), SqlArrays.column(rows, Redeemed::code),
                        SqlArrays.column(rows, Redeemed::campaignId), SqlArrays.column(rows, Redeemed::batchId),
                        SqlArrays.column(rows, Redeemed::orderId), SqlArrays.column(rows, Redeemed::accountId),
                        SqlArrays.column(rows, Redeemed::at), SqlArrays.column(rows, r -> r.discount().currency()),
                        SqlArrays.column(rows, r -> r.discount().amount()), SqlArrays.column(rows, Redeemed::credit),
                        SqlArrays.column(rows, Redeemed::viaUrlToken), SqlArrays.column(rows, Redeemed::promoBatchId),
                        SqlArrays.column(rows, Redeemed::inventorySet))
                .query(UUID.class).list());
    }

    /** Answers only the rows this call flipped to reversed: a second reversal gives nothing back again. */
    List<Reversed> reverse(List<Reversal> reversals) {
        if (reversals.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        UPDATE redemption_view r SET reversed_at = v.at, reversal_reason = v.reason
                        FROM unnest(?::uuid[], ?::timestamptz[], ?::text[]) AS v (id, at, reason)
                        WHERE r.redemption_id = v.id AND r.reversed_at IS NULL
                        RETURNING r.code, r.campaign_id, r.batch_id, r.currency, r.discount_total, v.at,
                                  r.promo_batch_id, r.inventory_set""")
                .params(SqlArrays.column(reversals, Reversal::redemptionId), SqlArrays.column(reversals, Reversal::at),
                        SqlArrays.column(reversals, Reversal::reason))
                .query((row, i) -> new Reversed(row.getString("code"), row.getObject("campaign_id", UUID.class),
                        row.getObject("batch_id", UUID.class),
                        new Money(row.getString("currency"), row.getBigDecimal("discount_total")),
                        row.getTimestamp("at").toInstant(), row.getObject("promo_batch_id", UUID.class),
                        (Integer) row.getObject("inventory_set")))
                .list();
    }

    /**
     * For the rest of the transaction, plans each statement for the arrays it is given. A prepared
     * statement otherwise settles on a generic plan after five runs, and one settled while the
     * tables were small (after a reset) keeps scanning them whole as they grow: a rebuild slowed
     * down fourfold that way. Planning a handful of statements per batch costs far less.
     */
    void planEachStatementForItsArrays() {
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
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
                row.getString("reversal_reason"), row.getObject("promo_batch_id", UUID.class));
    }
}
