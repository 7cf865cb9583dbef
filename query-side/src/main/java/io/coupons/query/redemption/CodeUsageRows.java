package io.coupons.query.redemption;

import io.coupons.api.redemption.CurrencyAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-code counters: code_usage_view and code_discount_view. A batch of events is one
 * statement per table, its rows in key order, so transactions that share rows lock them in the
 * same order and cannot deadlock.
 */
@Component
public class CodeUsageRows {

    private final JdbcClient jdbc;

    public CodeUsageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A code's counters; in force = recorded - reversals. */
    record Counters(String code, UUID campaignId, UUID batchId, long recorded, long reversals, Instant lastUsedAt) {
    }

    private record DiscountKey(String code, String currency) {

        static final Comparator<DiscountKey> ORDER = Comparator.comparing(DiscountKey::code)
                .thenComparing(DiscountKey::currency);
    }

    /**
     * Counts new redemptions and reversals (each exactly once: the caller passes only rows it
     * inserted or flipped). Answers the codes whose first redemption ever is among {@code redeemed}.
     */
    Set<String> count(List<RedemptionRows.Redeemed> redeemed, List<RedemptionRows.Reversed> reversed) {
        Set<String> firstUses = recordUses(redeemed);
        recordReversals(reversed);
        Map<DiscountKey, BigDecimal> discount = new TreeMap<>(DiscountKey.ORDER);
        redeemed.forEach(r -> discount.merge(new DiscountKey(r.code(), r.discount().currency()), r.discount().amount(),
                BigDecimal::add));
        reversed.forEach(r -> discount.merge(new DiscountKey(r.code(), r.discount().currency()),
                r.discount().amount().negate(), BigDecimal::add));
        if (!discount.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO code_discount_view AS d (code, currency, discount_given)
                            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::numeric[])
                            ON CONFLICT (code, currency) DO UPDATE SET discount_given = d.discount_given + excluded.discount_given""")
                    .params(SqlArrays.column(discount.keySet(), DiscountKey::code),
                            SqlArrays.column(discount.keySet(), DiscountKey::currency),
                            SqlArrays.column(discount.values(), amount -> amount))
                    .update();
        }
        return firstUses;
    }

    private Set<String> recordUses(List<RedemptionRows.Redeemed> redeemed) {
        Map<String, List<RedemptionRows.Redeemed>> byCode = redeemed.stream()
                .collect(Collectors.groupingBy(RedemptionRows.Redeemed::code, TreeMap::new, Collectors.toList()));
        if (byCode.isEmpty()) {
            return Set.of();
        }
        List<List<RedemptionRows.Redeemed>> uses = List.copyOf(byCode.values());
        Map<String, Long> recordedNow = jdbc.sql("""
                        INSERT INTO code_usage_view AS u (code, campaign_id, batch_id, recorded, last_used_at)
                        SELECT * FROM unnest(?::varchar[], ?::uuid[], ?::uuid[], ?::bigint[], ?::timestamptz[])
                        ON CONFLICT (code) DO UPDATE SET recorded = u.recorded + excluded.recorded,
                               last_used_at = GREATEST(u.last_used_at, excluded.last_used_at)
                        RETURNING code, recorded""")
                .params(SqlArrays.column(uses, use -> use.get(0).code()),
                        SqlArrays.column(uses, use -> use.get(0).campaignId()),
                        SqlArrays.column(uses, use -> use.get(0).batchId()),
                        SqlArrays.column(uses, List::size),
                        SqlArrays.column(uses, use -> use.stream().map(RedemptionRows.Redeemed::at)
                                .max(Comparator.naturalOrder()).orElseThrow()))
                .query((row, i) -> Map.entry(row.getString("code"), row.getLong("recorded")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // Nothing counted before this batch: the code's first redemption ever is one of these.
        Set<String> firstUses = new HashSet<>();
        byCode.forEach((code, list) -> {
            if (recordedNow.get(code) == list.size()) {
                firstUses.add(code);
            }
        });
        return firstUses;
    }

    /** Last used stays: it says when the code was last used, not whether that use stands. */
    private void recordReversals(List<RedemptionRows.Reversed> reversed) {
        Map<String, Long> byCode = reversed.stream().collect(Collectors.groupingBy(RedemptionRows.Reversed::code,
                TreeMap::new, Collectors.counting()));
        if (byCode.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE code_usage_view u SET reversals = u.reversals + v.n
                        FROM unnest(?::varchar[], ?::bigint[]) AS v (code, n) WHERE u.code = v.code""")
                .params(SqlArrays.column(byCode.keySet(), code -> code), SqlArrays.column(byCode.values(), n -> n))
                .update();
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
