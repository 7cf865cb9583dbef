package io.coupons.query.redemption;

import io.coupons.api.redemption.DailyUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private record Key(UUID campaignId, UUID batchKey, LocalDate day, String currency) {

        static final Comparator<Key> ORDER = Comparator.comparing(Key::campaignId).thenComparing(Key::batchKey)
                .thenComparing(Key::day).thenComparing(Key::currency);

        static Key of(UUID campaignId, UUID batchId, Instant at, String currency) {
            return new Key(campaignId, batchId == null ? NO_BATCH : batchId, LocalDate.ofInstant(at, ZoneOffset.UTC),
                    currency);
        }
    }

    private static final class Change {
        long redemptions;
        long reversals;
        long codesFirstRedeemed;
        BigDecimal discount = BigDecimal.ZERO;
    }

    /**
     * Adds a batch's counted redemptions (on their day) and reversals (on the reversal's day: the
     * redemption's day keeps what happened that day) in one statement, rows in key order.
     * {@code firstUses}: codes whose first redemption within their campaign is among {@code redeemed}
     * (a code another campaign had before is this campaign's code redeemed for the first time).
     */
    void count(List<RedemptionRows.Redeemed> redeemed, List<RedemptionRows.Reversed> reversed,
               Set<CodeUsageRows.CodeOfCampaign> firstUses) {
        Map<Key, Change> changes = new TreeMap<>(Key.ORDER);
        Set<CodeUsageRows.CodeOfCampaign> firstNotSeen = new HashSet<>(firstUses);
        for (RedemptionRows.Redeemed r : redeemed) { // in event order: a code's first here is its first there
            Change change = changes.computeIfAbsent(Key.of(r.campaignId(), r.batchId(), r.at(),
                    r.discount().currency()), key -> new Change());
            change.redemptions++;
            change.discount = change.discount.add(r.discount().amount());
            if (firstNotSeen.remove(r.codeOfCampaign())) {
                change.codesFirstRedeemed++;
            }
        }
        for (RedemptionRows.Reversed r : reversed) {
            Change change = changes.computeIfAbsent(Key.of(r.campaignId(), r.batchId(), r.at(),
                    r.discount().currency()), key -> new Change());
            change.reversals++;
            change.discount = change.discount.subtract(r.discount().amount());
        }
        if (changes.isEmpty()) {
            return;
        }
        Set<Key> keys = changes.keySet();
        jdbc.sql("""
                        INSERT INTO daily_usage_view AS d (campaign_id, batch_key, day, currency, redemptions, reversals,
                                                           codes_first_redeemed, discount_given)
                        SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::date[], ?::varchar[], ?::bigint[], ?::bigint[],
                                             ?::bigint[], ?::numeric[])
                        ON CONFLICT (campaign_id, batch_key, day, currency) DO UPDATE SET
                            redemptions = d.redemptions + excluded.redemptions,
                            reversals = d.reversals + excluded.reversals,
                            codes_first_redeemed = d.codes_first_redeemed + excluded.codes_first_redeemed,
                            discount_given = d.discount_given + excluded.discount_given""")
                .params(SqlArrays.column(keys, Key::campaignId), SqlArrays.column(keys, Key::batchKey),
                        SqlArrays.column(keys, Key::day), SqlArrays.column(keys, Key::currency),
                        SqlArrays.column(changes.values(), c -> c.redemptions),
                        SqlArrays.column(changes.values(), c -> c.reversals),
                        SqlArrays.column(changes.values(), c -> c.codesFirstRedeemed),
                        SqlArrays.column(changes.values(), c -> c.discount))
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
