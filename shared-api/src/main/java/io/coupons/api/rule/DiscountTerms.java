package io.coupons.api.rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a code gives and when it applies: every field of a seed-003 promo code batch. Amounts are
 * exact decimals in {@code currency}. The record only carries values; the command side decides
 * whether they are valid, so old events stay readable when the rules tighten.
 *
 * @param percentOff                     percent of the eligible lines, 0 < p <= 100 (null: none)
 * @param discountLimit                  cap on a percent discount ("discount limit"; null: no cap)
 * @param percentOnlyOnSelectedVariants  percent applies only to {@code variantIds} / the group
 * @param flatAmountOff                  amount off the eligible subtotal (null: none)
 * @param creditFromOverage              unused part of a flat discount becomes customer credit
 * @param freeGroundShipping             removes the delivery fee
 * @param currency                       ISO 4217 code of every amount here
 * @param ignoreTotalOrderCodeLimit      stackable with other codes on the order
 * @param firstOrderOnly                 only for accounts that never ordered
 * @param oneUsePerAccount               at most one redemption per account
 * @param orderMinimum                   subtotal the order must reach (null: none)
 * @param startsAt                       live from (null: immediately)
 * @param endsAt                         live until, exclusive (null: no end)
 * @param variantIds                     variants the code is limited to (empty: all)
 * @param variantTargetingGroup          name of a promo variant targeting group (null: none)
 * @param displayMessage                 customer-facing message shown when applied
 * @param offerType                      internal tag of the kind of offer (null: none)
 * @param marketingCampaign              the exact name of a defined marketing campaign (null: none;
 *                                       rules saved before marketing campaigns were defined may hold
 *                                       a free label)
 * @param pnlAllocation                  P&amp;L allocation for reporting (null: none)
 * @param transactionType                transaction type for reporting (null: none)
 */
public record DiscountTerms(
        @Nullable BigDecimal percentOff,
        @Nullable BigDecimal discountLimit,
        boolean percentOnlyOnSelectedVariants,
        @Nullable BigDecimal flatAmountOff,
        boolean creditFromOverage,
        boolean freeGroundShipping,
        @Nullable String currency,
        boolean ignoreTotalOrderCodeLimit,
        boolean firstOrderOnly,
        boolean oneUsePerAccount,
        @Nullable BigDecimal orderMinimum,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        List<String> variantIds,
        @Nullable String variantTargetingGroup,
        @Nullable String displayMessage,
        @Nullable String offerType,
        @Nullable String marketingCampaign,
        @Nullable String pnlAllocation,
        @Nullable String transactionType) {

    public DiscountTerms {
        variantIds = variantIds == null ? List.of() : List.copyOf(variantIds);
    }
}
