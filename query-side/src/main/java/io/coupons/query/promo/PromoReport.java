package io.coupons.query.promo;

import io.coupons.api.promo.PromoReporting;
import io.coupons.api.promo.PromoReportingRow;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.query.redemption.PromoUsageRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Promo usage by P&amp;L Allocation and Transaction Type: each batch's daily totals (usage
 * tracking's) under its batch's terms (deleted batches included: what they gave was given). A code
 * whose own rules name another allocation still counts under its batch's: the daily rows are per
 * batch, and the rules a code had when it was redeemed are not recorded with the redemption.
 */
@Component
public class PromoReport {

    private static final Comparator<Key> ORDER = Comparator
            .comparing(Key::pnlAllocation, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::transactionType, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Key::currency);

    private final PromoUsageRows usage;
    private final PromoBatchRows batches;

    public PromoReport(PromoUsageRows usage, PromoBatchRows batches) {
        this.usage = usage;
        this.batches = batches;
    }

    private record Key(String pnlAllocation, String transactionType, String currency) {
    }

    private static final class Sum {
        final Set<UUID> batches = new HashSet<>();
        long redemptions;
        long reversals;
        BigDecimal discount = BigDecimal.ZERO;
    }

    PromoReporting of(LocalDate from, LocalDate to) {
        List<PromoUsageRows.BatchTotal> totals = usage.totals(from, to);
        Map<UUID, PromoBatchRows.Batch> known = totals.isEmpty() ? Map.of()
                : batches.batches(totals.stream().map(PromoUsageRows.BatchTotal::promoBatchId).distinct().toList());
        Map<Key, Sum> sums = new TreeMap<>(ORDER);
        for (PromoUsageRows.BatchTotal total : totals) {
            PromoBatchRows.Batch batch = known.get(total.promoBatchId());
            DiscountTerms terms = batch == null ? null : batch.view().terms(); // null: its projection catching up
            Sum sum = sums.computeIfAbsent(new Key(terms == null ? null : terms.pnlAllocation(),
                    terms == null ? null : terms.transactionType(), total.currency()), key -> new Sum());
            sum.batches.add(total.promoBatchId());
            sum.redemptions += total.redemptions();
            sum.reversals += total.reversals();
            sum.discount = sum.discount.add(total.discountGiven());
        }
        return new PromoReporting(from, to, sums.entrySet().stream().map(e -> new PromoReportingRow(
                e.getKey().pnlAllocation(), e.getKey().transactionType(), e.getKey().currency(),
                e.getValue().batches.size(), e.getValue().redemptions, e.getValue().reversals,
                e.getValue().discount)).toList());
    }
}
