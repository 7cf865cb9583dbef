package io.coupons.command.rule;

import io.coupons.api.rule.DiscountTerms;
import io.coupons.command.common.Currencies;
import io.coupons.command.common.Instants;
import io.coupons.command.common.Texts;
import io.coupons.command.common.Violations;
import io.coupons.command.marketing.MarketingCampaigns;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a rule's name and terms make sense, field by field (BRIEF §2 "Discount rule", seed 003).
 * Pure: no clock, no I/O, so the aggregate can call it; the one set rule (a marketing campaign
 * must be defined) is given the lookup it needs, {@link #checkMarketingCampaign}.
 */
public final class DiscountTermsPolicy {

    static final int MAX_NAME = 120;
    static final int MAX_LABEL = 120;
    static final int MAX_DISPLAY_MESSAGE = 500;
    static final int MAX_VARIANTS = 1_000;
    static final int MAX_VARIANT_ID = 64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private DiscountTermsPolicy() {
    }

    public static Violations check(String name, DiscountTerms terms) {
        Violations violations = new Violations();
        Texts.required(violations, "name", name, MAX_NAME);
        return checkTerms(violations, terms);
    }

    /** The terms' own rules, for forms whose name rules differ (a promo batch, one promo code). */
    public static Violations checkTerms(Violations violations, DiscountTerms terms) {
        if (terms == null) {
            return violations.add("terms", "is required");
        }
        checkBenefit(violations, terms);
        checkMoney(violations, terms);
        checkTargeting(violations, terms);
        checkDates(violations, terms);
        Texts.optional(violations, "terms.displayMessage", terms.displayMessage(), MAX_DISPLAY_MESSAGE);
        Texts.optional(violations, "terms.offerType", terms.offerType(), MAX_LABEL);
        Texts.optional(violations, "terms.marketingCampaign", terms.marketingCampaign(), MAX_LABEL);
        Texts.optional(violations, "terms.pnlAllocation", terms.pnlAllocation(), MAX_LABEL);
        Texts.optional(violations, "terms.transactionType", terms.transactionType(), MAX_LABEL);
        return violations;
    }

    /**
     * {@code terms.marketingCampaign} names a defined marketing campaign, exactly. Asked only when
     * the label passed the text rules, and not when it is {@code kept}: a revision that keeps the
     * rule's current label is not refused for it, so rules saved while the label was free text can
     * still be edited (nothing stored changes meaning).
     */
    public static Violations checkMarketingCampaign(Violations violations, DiscountTerms terms, String kept,
                                                    MarketingCampaigns campaigns) {
        String label = terms == null ? null : terms.marketingCampaign();
        if (label == null || label.isBlank() || label.length() > MAX_LABEL || label.equals(kept)) {
            return violations;
        }
        return violations.addIf(!campaigns.isDefined(label), "terms.marketingCampaign",
                "is not a defined marketing campaign; define it with PUT /api/marketing-campaigns/{name}");
    }

    private static void checkBenefit(Violations violations, DiscountTerms terms) {
        boolean percent = terms.percentOff() != null;
        boolean flat = terms.flatAmountOff() != null;
        violations.addIf(!percent && !flat && !terms.freeGroundShipping(), "terms",
                "must give something: percentOff, flatAmountOff or freeGroundShipping");
        violations.addIf(percent && flat, "terms.flatAmountOff",
                "cannot be combined with percentOff; a rule is percent off or flat off");
        if (percent) {
            BigDecimal p = terms.percentOff();
            violations.addIf(p.signum() <= 0 || p.compareTo(HUNDRED) > 0, "terms.percentOff",
                    "must be greater than 0 and at most 100");
            violations.addIf(p.stripTrailingZeros().scale() > 2, "terms.percentOff",
                    "must have at most 2 decimal places");
        }
        violations.addIf(terms.discountLimit() != null && !percent, "terms.discountLimit",
                "caps a percent discount; set percentOff or leave it out");
        violations.addIf(terms.percentOnlyOnSelectedVariants() && !percent, "terms.percentOnlyOnSelectedVariants",
                "needs percentOff");
        violations.addIf(terms.percentOnlyOnSelectedVariants() && terms.variantIds().isEmpty()
                        && terms.variantTargetingGroup() == null, "terms.percentOnlyOnSelectedVariants",
                "needs variantIds or a variantTargetingGroup to select");
        violations.addIf(terms.creditFromOverage() && !flat, "terms.creditFromOverage",
                "applies only to a flat discount (flatAmountOff)");
    }

    private static void checkMoney(Violations violations, DiscountTerms terms) {
        boolean hasAmount = terms.discountLimit() != null || terms.flatAmountOff() != null
                || terms.orderMinimum() != null;
        Currency currency = null;
        if (terms.currency() != null) {
            currency = Currencies.parse(terms.currency());
            violations.addIf(currency == null, "terms.currency", Currencies.REFUSED);
        } else {
            violations.addIf(hasAmount, "terms.currency", "is required when the rule has an amount");
        }
        amount(violations, "terms.discountLimit", terms.discountLimit(), currency);
        amount(violations, "terms.flatAmountOff", terms.flatAmountOff(), currency);
        amount(violations, "terms.orderMinimum", terms.orderMinimum(), currency);
    }

    private static void amount(Violations violations, String field, BigDecimal amount, Currency currency) {
        if (amount == null) {
            return;
        }
        violations.addIf(amount.signum() <= 0, field, "must be greater than 0; leave it out for none");
        violations.addIf(amount.compareTo(MAX_AMOUNT) > 0, field, "must be at most " + MAX_AMOUNT.toPlainString());
        if (currency != null) {
            int digits = Currencies.minorUnits(currency);
            violations.addIf(amount.stripTrailingZeros().scale() > digits, field,
                    "has more decimal places than " + currency.getCurrencyCode() + " allows (" + digits + ")");
        }
    }

    private static void checkTargeting(Violations violations, DiscountTerms terms) {
        violations.addIf(terms.variantIds().size() > MAX_VARIANTS, "terms.variantIds",
                "at most " + MAX_VARIANTS + " variants; use a variantTargetingGroup for more");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < terms.variantIds().size(); i++) {
            String variant = terms.variantIds().get(i);
            String field = "terms.variantIds[" + i + "]";
            if (variant == null || variant.isBlank()) {
                violations.add(field, "must not be blank");
            } else {
                violations.addIf(variant.length() > MAX_VARIANT_ID, field,
                        "must be at most " + MAX_VARIANT_ID + " characters");
                violations.addIf(!seen.add(variant), field, "is listed twice");
            }
        }
        Texts.optional(violations, "terms.variantTargetingGroup", terms.variantTargetingGroup(), MAX_LABEL);
    }

    private static void checkDates(Violations violations, DiscountTerms terms) {
        Instants.check(violations, "terms.startsAt", terms.startsAt());
        Instants.check(violations, "terms.endsAt", terms.endsAt());
        violations.addIf(terms.startsAt() != null && terms.endsAt() != null
                && !terms.endsAt().isAfter(terms.startsAt()), "terms.endsAt", "must be after startsAt");
    }
}
