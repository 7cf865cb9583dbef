package io.coupons.query.redemption;

import io.coupons.api.redemption.CurrencyAmount;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The per-code counters: code_usage_view and code_discount_view, keyed by code and campaign (a
 * single code changed away may later be another campaign's, and each counts its own uses). A batch
 * of events is one statement per table, its rows in key order, so transactions that share rows lock
 * them in the same order and cannot deadlock.
 */
@Component
public class CodeUsageRows {

    private final JdbcClient jdbc;

    public CodeUsageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A code as one campaign's: the key of its counters. */
    record CodeOfCampaign(String code, UUID campaignId) {

        static final Comparator<CodeOfCampaign> ORDER = Comparator.comparing(CodeOfCampaign::code)
                .thenComparing(CodeOfCampaign::campaignId);
    }

    /** A code's counters within one campaign; in force = recorded - reversals. */
    record Counters(String code, UUID campaignId, UUID batchId, long recorded, long reversals, Instant lastUsedAt) {
    }

    private record DiscountKey(CodeOfCampaign use, String currency) {

        static final Comparator<DiscountKey> ORDER = Comparator.comparing(DiscountKey::use, CodeOfCampaign.ORDER)
                .thenComparing(DiscountKey::currency);
    }

    /**
     * Counts new redemptions and reversals (each exactly once: the caller passes only rows it
     * inserted or flipped). Answers the codes whose first redemption within their campaign is among
     * {@code redeemed}.
     */
    Set<CodeOfCampaign> count(List<RedemptionRows.Redeemed> redeemed, List<RedemptionRows.Reversed> reversed) {
        Set<CodeOfCampaign> firstUses = recordUses(redeemed);
        recordReversals(reversed);
        Map<DiscountKey, BigDecimal> discount = new TreeMap<>(DiscountKey.ORDER);
        redeemed.forEach(r -> discount.merge(new DiscountKey(r.codeOfCampaign(), r.discount().currency()),
                r.discount().amount(), BigDecimal::add));
        reversed.forEach(r -> discount.merge(new DiscountKey(r.codeOfCampaign(), r.discount().currency()),
                r.discount().amount().negate(), BigDecimal::add));
        if (!discount.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO code_discount_view AS d (code, campaign_id, currency, discount_given)
                            SELECT * FROM unnest(?::varchar[], ?::uuid[], ?::varchar[], ?::numeric[])
                            ON CONFLICT (code, campaign_id, currency)
                            DO UPDATE SET discount_given = d.discount_given + excluded.discount_given""")
                    .params(SqlArrays.column(discount.keySet(), key -> key.use().code()),
                            SqlArrays.column(discount.keySet(), key -> key.use().campaignId()),
                            SqlArrays.column(discount.keySet(), DiscountKey::currency),
                            SqlArrays.column(discount.values(), amount -> amount))
                    .update();
        }
        return firstUses;
    }

    private Set<CodeOfCampaign> recordUses(List<RedemptionRows.Redeemed> redeemed) {
        Map<CodeOfCampaign, List<RedemptionRows.Redeemed>> byKey = redeemed.stream()
                .collect(Collectors.groupingBy(RedemptionRows.Redeemed::codeOfCampaign,
                        () -> new TreeMap<>(CodeOfCampaign.ORDER), Collectors.toList()));
        if (byKey.isEmpty()) {
            return Set.of();
        }
        List<List<RedemptionRows.Redeemed>> uses = List.copyOf(byKey.values());
        Map<CodeOfCampaign, Long> recordedNow = jdbc.sql("""
                        INSERT INTO code_usage_view AS u (code, campaign_id, batch_id, recorded, last_used_at)
                        SELECT * FROM unnest(?::varchar[], ?::uuid[], ?::uuid[], ?::bigint[], ?::timestamptz[])
                        ON CONFLICT (code, campaign_id) DO UPDATE SET recorded = u.recorded + excluded.recorded,
                               last_used_at = GREATEST(u.last_used_at, excluded.last_used_at)
                        RETURNING code, campaign_id, recorded""")
                .params(SqlArrays.column(uses, use -> use.get(0).code()),
                        SqlArrays.column(uses, use -> use.get(0).campaignId()),
                        SqlArrays.column(uses, use -> use.get(0).batchId()),
                        SqlArrays.column(uses, List::size),
                        SqlArrays.column(uses, use -> use.stream().map(RedemptionRows.Redeemed::at)
                                .max(Comparator.naturalOrder()).orElseThrow()))
                .query((row, i) -> Map.entry(new CodeOfCampaign(row.getString("code"),
                        row.getObject("campaign_id", UUID.class)), row.getLong("recorded")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // Nothing counted before this batch: the code's first redemption in its campaign is one of these.
        Set<CodeOfCampaign> firstUses = new HashSet<>();
        byKey.forEach((key, list) -> {
            if (recordedNow.get(key) == list.size()) {
                firstUses.add(key);
            }
        });
        return firstUses;
    }

    /** Last used stays: it says when the code was last used, not whether that use stands. */
    private void recordReversals(List<RedemptionRows.Reversed> reversed) {
        Map<CodeOfCampaign, Long> byKey = reversed.stream().collect(Collectors.groupingBy(
                RedemptionRows.Reversed::codeOfCampaign, () -> new TreeMap<>(CodeOfCampaign.ORDER),
                Collectors.counting()));
        if (byKey.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE code_usage_view u SET reversals = u.reversals + v.n
                        FROM unnest(?::varchar[], ?::uuid[], ?::bigint[]) AS v (code, campaign_id, n)
                        WHERE u.code = v.code AND u.campaign_id = v.campaign_id""")
                .params(SqlArrays.column(byKey.keySet(), CodeOfCampaign::code),
                        SqlArrays.column(byKey.keySet(), CodeOfCampaign::campaignId),
                        SqlArrays.column(byKey.values(), n -> n))
                .update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE code_usage_view, code_discount_view").update();
    }

    Optional<Counters> find(String code, UUID campaignId) {
        return jdbc.sql("SELECT * FROM code_usage_view WHERE code = ? AND campaign_id = ?").params(code, campaignId)
                .query(CodeUsageRows::counters).optional();
    }

    /** The counters of the campaign that used the code last (for a code whose campaign is not known). */
    Optional<Counters> lastUsed(String code) {
        return jdbc.sql("""
                        SELECT * FROM code_usage_view WHERE code = ?
                        ORDER BY last_used_at DESC, campaign_id LIMIT 1""")
                .param(code).query(CodeUsageRows::counters).optional();
    }

    /** Every redemption of the code string, whichever campaign had it, reversed ones included. */
    long recordedInAnyCampaign(String code) {
        return jdbc.sql("SELECT coalesce(sum(recorded), 0) FROM code_usage_view WHERE code = ?").param(code)
                .query(Long.class).single();
    }

    List<CurrencyAmount> discountGiven(String code, UUID campaignId) {
        return jdbc.sql("""
                        SELECT currency, discount_given FROM code_discount_view
                        WHERE code = ? AND campaign_id = ? ORDER BY currency""")
                .params(code, campaignId)
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

    private static Counters counters(ResultSet row, int rowNum) throws SQLException {
        return new Counters(row.getString("code"), row.getObject("campaign_id", UUID.class),
                row.getObject("batch_id", UUID.class), row.getLong("recorded"), row.getLong("reversals"),
                row.getTimestamp("last_used_at").toInstant());
    }
}
