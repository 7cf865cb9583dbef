package io.coupons.query.redemption;

import io.coupons.api.redemption.DailyUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily_usage_view table: per UTC day, campaign, batch and currency. A few rows per campaign and
 * day, so statistics add them up at read time instead of keeping running totals.
 */
@Component
public class DailyUsageRows {

    /** The batch key of codes without a batch (single codes, URL tokens). */
    static final UUID NO_BATCH = new UUID(0, 0);

    private final JdbcClient jdbc;

    public DailyUsageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void redeemed(UUID campaignId, UUID batchId, LocalDate day, Money discount, boolean firstUseOfCode) {
        add(campaignId, batchId, day, discount.currency(), 1, 0, firstUseOfCode ? 1 : 0, discount.amount());
    }

    /** On the reversal's own day: the day of the redemption keeps what happened that day. */
    void reversed(UUID campaignId, UUID batchId, LocalDate day, String currency, BigDecimal amount) {
        add(campaignId, batchId, day, currency, 0, 1, 0, amount.negate());
    }

    private void add(UUID campaignId, UUID batchId, LocalDate day, String currency, int redemptions, int reversals,
                     int codesFirstRedeemed, BigDecimal discount) {
        jdbc.sql("""
                        INSERT INTO daily_usage_view AS d (campaign_id, batch_key, day, currency, redemptions, reversals,
                                                           codes_first_redeemed, discount_given)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (campaign_id, batch_key, day, currency) DO UPDATE SET
                            redemptions = d.redemptions + excluded.redemptions,
                            reversals = d.reversals + excluded.reversals,
                            codes_first_redeemed = d.codes_first_redeemed + excluded.codes_first_redeemed,
                            discount_given = d.discount_given + excluded.discount_given""")
                .params(campaignId, batchId == null ? NO_BATCH : batchId, day, currency, redemptions, reversals,
                        codesFirstRedeemed, discount)
                .update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE daily_usage_view").update();
    }

    /** A campaign's days (batchId null: all its codes) or one batch's, oldest first. */
    List<DailyUsage> days(UUID campaignId, UUID batchId) {
        String where = batchId == null ? "campaign_id = ?" : "campaign_id = ? AND batch_key = ?";
        Object[] parameters = batchId == null ? new Object[] {campaignId} : new Object[] {campaignId, batchId};
        return jdbc.sql("SELECT day, currency, sum(redemptions) AS redemptions, sum(reversals) AS reversals,"
                        + " sum(codes_first_redeemed) AS codes_first_redeemed, sum(discount_given) AS discount_given"
                        + " FROM daily_usage_view WHERE " + where + " GROUP BY day, currency ORDER BY day, currency")
                .params(parameters)
                .query((row, i) -> new DailyUsage(row.getObject("day", LocalDate.class), row.getString("currency"),
                        row.getLong("redemptions"), row.getLong("reversals"), row.getLong("codes_first_redeemed"),
                        row.getBigDecimal("discount_given")))
                .list();
    }

    /** Whether anything was ever counted for the campaign (it may not be in campaign_view yet). */
    boolean any(UUID campaignId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM daily_usage_view WHERE campaign_id = ?)").param(campaignId)
                .query(Boolean.class).single();
    }
}
