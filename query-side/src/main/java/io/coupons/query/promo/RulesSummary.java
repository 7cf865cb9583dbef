package io.coupons.query.promo;

import io.coupons.api.rule.DiscountTerms;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule set in one line for the CSV export ("20% off, max 50 USD; min 100 USD; first order only"),
 * so a spreadsheet reader sees what a code gives without the JSON. Only fields that are set appear.
 */
final class RulesSummary {

    private RulesSummary() {
    }

    static String of(DiscountTerms t) {
        String currency = t.currency() == null ? "" : " " + t.currency();
        List<String> parts = new ArrayList<>();
        if (t.percentOff() != null) {
            String percent = amount(t.percentOff()) + "% off";
            if (t.discountLimit() != null) {
                percent += ", max " + amount(t.discountLimit()) + currency;
            }
            parts.add(t.percentOnlyOnSelectedVariants() ? percent + " on selected variants" : percent);
        }
        if (t.flatAmountOff() != null) {
            parts.add(amount(t.flatAmountOff()) + currency + " off" + (t.creditFromOverage() ? ", rest as credit" : ""));
        }
        if (t.freeGroundShipping()) {
            parts.add("free ground shipping");
        }
        if (t.orderMinimum() != null) {
            parts.add("min " + amount(t.orderMinimum()) + currency);
        }
        if (t.firstOrderOnly()) {
            parts.add("first order only");
        }
        if (t.oneUsePerAccount()) {
            parts.add("one use per account");
        }
        if (t.ignoreTotalOrderCodeLimit()) {
            parts.add("stacks with other codes");
        }
        if (!t.variantIds().isEmpty()) {
            parts.add("variants " + String.join(", ", t.variantIds()));
        }
        if (t.variantTargetingGroup() != null) {
            parts.add("variant group " + t.variantTargetingGroup());
        }
        if (t.startsAt() != null) {
            parts.add("from " + t.startsAt());
        }
        if (t.endsAt() != null) {
            parts.add("until " + t.endsAt());
        }
        if (t.offerType() != null) {
            parts.add("offer type " + t.offerType());
        }
        if (t.marketingCampaign() != null) {
            parts.add("marketing campaign " + t.marketingCampaign());
        }
        if (t.pnlAllocation() != null) {
            parts.add("P&L " + t.pnlAllocation());
        }
        if (t.transactionType() != null) {
            parts.add("transaction type " + t.transactionType());
        }
        return String.join("; ", parts);
    }

    private static String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
