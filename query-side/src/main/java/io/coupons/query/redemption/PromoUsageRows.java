package io.coupons.query.redemption;

import io.coupons.api.promo.PromoBatchUsage;
import io.coupons.api.promo.PromoMoney;
import io.coupons.api.promo.PromoUsageDay;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Owner of promo_code_usage_view and promo_daily_usage_view: promo codes' usage. Rule: a code's row
 * keeps the newest inventory Set any of its redemptions was counted in ({@code set_number}) and the
 * uses in force counted in it ({@code used_in_set}); a use counted in an older Set never moves it (a
 * Set replaced that count). Remaining usages are computed at read time against the batch's current
 * Set, so Modify Inventory is one row update whatever the batch's size, and the usage and the
 * inventory may be projected in any order (they are in different processing groups). Written, like
 * the campaign counters, a batch of events at a time, rows in key order.
 */
@Component
public class PromoUsageRows {

    /** A use counted while the batch had no inventory: it counts against no Set. */
    static final int NO_SET = -1;

    private final JdbcClient jdbc;

    public PromoUsageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One code's usage; {@code usedInSet} counts only while {@code setNumber} is the batch's current Set. */
    public record CodeUsage(String code, int setNumber, long usedInSet, long recorded, long reversals,
                            Instant lastUsedAt) {

        public long inForce() {
            return recorded - reversals;
        }

        /** The code's remaining usages under a batch allowance and Set; never below 0. */
        public static long remaining(long allowance, int currentSet, CodeUsage usage) {
            long used = usage != null && usage.setNumber() == currentSet ? usage.usedInSet() : 0;
            return Math.max(0, allowance - used);
        }
    }

    private static final class CodeChange {
        UUID promoBatchId;
        int topSet = Integer.MIN_VALUE;
        long usedInTopSet;
        long recorded;
        long reversals;
        Instant lastUsedAt;

        void add(int set, long delta) {
            if (set > topSet) {
                topSet = set;
                usedInTopSet = 0;
            }
            if (set == topSet) {
                usedInTopSet += delta;
            }
        }
    }

    private record DayKey(UUID promoBatchId, LocalDate day, String currency) {

        static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::promoBatchId)
                .thenComparing(DayKey::day).thenComparing(DayKey::currency);

        static DayKey of(UUID promoBatchId, Instant at, String currency) {
            return new DayKey(promoBatchId, LocalDate.ofInstant(at, ZoneOffset.UTC), currency);
        }
    }

    private static final class DayChange {
        long redemptions;
        long reversals;
        long codesFirstRedeemed;
        BigDecimal discount = BigDecimal.ZERO;
    }

    /** Counts new promo redemptions and reversals, each exactly once (the caller passes only rows it inserted or flipped). */
    void count(List<RedemptionRows.Redeemed> redeemed, List<RedemptionRows.Reversed> reversed) {
        if (redeemed.isEmpty() && reversed.isEmpty()) {
            return;
        }
        Set<String> firstUses = countCodes(redeemed, reversed);
        countDays(redeemed, reversed, firstUses);
    }

    /**
     * Within a batch only the highest Set of a code matters: uses in lower Sets are replaced by it,
     * so the batch's change is that Set and its uses, merged by the upsert: a higher Set replaces the
     * row's count, the same Set adds to it, a lower one leaves it.
     */
    private Set<String> countCodes(List<RedemptionRows.Redeemed> redeemed, List<RedemptionRows.Reversed> reversed) {
        Map<String, CodeChange> changes = new TreeMap<>();
        for (RedemptionRows.Redeemed r : redeemed) {
            CodeChange change = changes.computeIfAbsent(r.code(), code -> new CodeChange());
            change.promoBatchId = r.promoBatchId();
            change.add(set(r.inventorySet()), 1);
            change.recorded++;
            change.lastUsedAt = change.lastUsedAt == null || r.at().isAfter(change.lastUsedAt) ? r.at()
                    : change.lastUsedAt;
        }
        for (RedemptionRows.Reversed r : reversed) {
            CodeChange change = changes.computeIfAbsent(r.code(), code -> new CodeChange());
            change.promoBatchId = r.promoBatchId();
            change.add(set(r.inventorySet()), -1);
            change.reversals++;
        }
        List<Map.Entry<String, CodeChange>> rows = List.copyOf(changes.entrySet());
        Map<String, Long> recordedNow = jdbc.sql("""
                        INSERT INTO promo_code_usage_view AS u (code, promo_batch_id, set_number, used_in_set, recorded,
                                                                reversals, last_used_at)
                        SELECT * FROM unnest(?::varchar[], ?::uuid[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[],
                                             ?::timestamptz[])
                        ON CONFLICT (code) DO UPDATE SET
                            used_in_set = CASE WHEN excluded.set_number > u.set_number THEN excluded.used_in_set
                                               WHEN excluded.set_number = u.set_number
                                                   THEN u.used_in_set + excluded.used_in_set
                                               ELSE u.used_in_set END,
                            set_number = GREATEST(u.set_number, excluded.set_number),
                            recorded = u.recorded + excluded.recorded,
                            reversals = u.reversals + excluded.reversals,
                            last_used_at = GREATEST(u.last_used_at, excluded.last_used_at)
                        RETURNING code, recorded""")
                .params(SqlArrays.column(rows, Map.Entry::getKey),
                        SqlArrays.column(rows, e -> e.getValue().promoBatchId),
                        SqlArrays.column(rows, e -> e.getValue().topSet),
                        SqlArrays.column(rows, e -> e.getValue().usedInTopSet),
                        SqlArrays.column(rows, e -> e.getValue().recorded),
                        SqlArrays.column(rows, e -> e.getValue().reversals),
                        SqlArrays.column(rows, e -> e.getValue().lastUsedAt))
                .query((row, i) -> Map.entry(row.getString("code"), row.getLong("recorded")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<String> firstUses = new HashSet<>();
        changes.forEach((code, change) -> {
            if (change.recorded > 0 && recordedNow.get(code) == change.recorded) {
                firstUses.add(code);
            }
        });
        return firstUses;
    }

    private static int set(Integer inventorySet) {
        return inventorySet == null ? NO_SET : inventorySet;
    }

    private void countDays(List<RedemptionRows.Redeemed> redeemed, List<RedemptionRows.Reversed> reversed,
                           Set<String> firstUses) {
        Map<DayKey, DayChange> changes = new TreeMap<>(DayKey.ORDER);
        Set<String> firstNotSeen = new HashSet<>(firstUses);
        for (RedemptionRows.Redeemed r : redeemed) {
            DayChange change = changes.computeIfAbsent(DayKey.of(r.promoBatchId(), r.at(), r.discount().currency()),
                    key -> new DayChange());
            change.redemptions++;
            change.discount = change.discount.add(r.discount().amount());
            if (firstNotSeen.remove(r.code())) {
                change.codesFirstRedeemed++;
            }
        }
        for (RedemptionRows.Reversed r : reversed) {
            DayChange change = changes.computeIfAbsent(DayKey.of(r.promoBatchId(), r.at(), r.discount().currency()),
                    key -> new DayChange());
            change.reversals++;
            change.discount = change.discount.subtract(r.discount().amount());
        }
        Set<DayKey> keys = changes.keySet();
        jdbc.sql("""
                        INSERT INTO promo_daily_usage_view AS d (promo_batch_id, day, currency, redemptions, reversals,
                                                                 codes_first_redeemed, discount_given)
                        SELECT * FROM unnest(?::uuid[], ?::date[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[],
                                             ?::numeric[])
                        ON CONFLICT (promo_batch_id, day, currency) DO UPDATE SET
                            redemptions = d.redemptions + excluded.redemptions,
                            reversals = d.reversals + excluded.reversals,
                            codes_first_redeemed = d.codes_first_redeemed + excluded.codes_first_redeemed,
                            discount_given = d.discount_given + excluded.discount_given""")
                .params(SqlArrays.column(keys, DayKey::promoBatchId), SqlArrays.column(keys, DayKey::day),
                        SqlArrays.column(keys, DayKey::currency),
                        SqlArrays.column(changes.values(), c -> c.redemptions),
                        SqlArrays.column(changes.values(), c -> c.reversals),
                        SqlArrays.column(changes.values(), c -> c.codesFirstRedeemed),
                        SqlArrays.column(changes.values(), c -> c.discount))
                .update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE promo_code_usage_view, promo_daily_usage_view").update();
    }

    /** The usage rows of those of {@code codes} ever redeemed, by code (primary-key lookups). */
    public Map<String, CodeUsage> ofCodes(List<String> codes) {
        return jdbc.sql("SELECT * FROM promo_code_usage_view WHERE code = ANY (?::varchar[])")
                .param(codes.toArray(String[]::new)).query(PromoUsageRows::usage).list().stream()
                .collect(Collectors.toMap(CodeUsage::code, Function.identity()));
    }

    /** Every redemption of a promo code ever recorded, reversed ones included. */
    long recorded(String code) {
        return jdbc.sql("SELECT coalesce((SELECT recorded FROM promo_code_usage_view WHERE code = ?), 0)").param(code)
                .query(Long.class).single();
    }

    PromoBatchUsage ofBatch(UUID promoBatchId) {
        List<PromoUsageDay> days = jdbc.sql("""
                        SELECT * FROM promo_daily_usage_view WHERE promo_batch_id = ? ORDER BY day, currency""")
                .param(promoBatchId)
                .query((row, i) -> new PromoUsageDay(row.getObject("day", LocalDate.class), row.getString("currency"),
                        row.getLong("redemptions"), row.getLong("reversals"), row.getLong("codes_first_redeemed"),
                        row.getBigDecimal("discount_given")))
                .list();
        long codesRedeemed = jdbc.sql("""
                        SELECT count(*) FROM promo_code_usage_view WHERE promo_batch_id = ? AND recorded > reversals""")
                .param(promoBatchId).query(Long.class).single();
        long recorded = days.stream().mapToLong(PromoUsageDay::redemptions).sum();
        long reversals = days.stream().mapToLong(PromoUsageDay::reversals).sum();
        Map<String, BigDecimal> discount = new TreeMap<>();
        days.forEach(day -> discount.merge(day.currency(), day.discountGiven(), BigDecimal::add));
        return new PromoBatchUsage(promoBatchId, codesRedeemed, recorded - reversals, reversals,
                discount.entrySet().stream().map(e -> new PromoMoney(e.getKey(), e.getValue())).toList(), days);
    }

    /** Usage of one batch in one currency over a period, for reporting. */
    public record BatchTotal(UUID promoBatchId, String currency, long redemptions, long reversals,
                             BigDecimal discountGiven) {
    }

    /** Each batch's totals from {@code from} to {@code to} (UTC days, both included), by currency. */
    public List<BatchTotal> totals(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT promo_batch_id, currency, sum(redemptions) AS redemptions, sum(reversals) AS reversals,
                               sum(discount_given) AS discount_given
                        FROM promo_daily_usage_view WHERE day >= ? AND day <= ?
                        GROUP BY promo_batch_id, currency ORDER BY promo_batch_id, currency""")
                .params(from, to)
                .query((row, i) -> new BatchTotal(row.getObject("promo_batch_id", UUID.class),
                        row.getString("currency"), row.getLong("redemptions"), row.getLong("reversals"),
                        row.getBigDecimal("discount_given")))
                .list();
    }

    private static CodeUsage usage(ResultSet row, int rowNum) throws SQLException {
        Timestamp last = row.getTimestamp("last_used_at");
        return new CodeUsage(row.getString("code"), row.getInt("set_number"), row.getLong("used_in_set"),
                row.getLong("recorded"), row.getLong("reversals"), last == null ? null : last.toInstant());
    }
}
