package io.coupons.command.redemption;

import static io.coupons.api.redemption.RejectionReason.ARCHIVED;
import static io.coupons.api.redemption.RejectionReason.BELOW_MINIMUM;
import static io.coupons.api.redemption.RejectionReason.DELETED;
import static io.coupons.api.redemption.RejectionReason.DISABLED;
import static io.coupons.api.redemption.RejectionReason.EXPIRED;
import static io.coupons.api.redemption.RejectionReason.NOT_FIRST_ORDER;
import static io.coupons.api.redemption.RejectionReason.NOT_STACKABLE;
import static io.coupons.api.redemption.RejectionReason.NOT_STARTED;
import static io.coupons.api.redemption.RejectionReason.NO_ELIGIBLE_ITEMS;
import static io.coupons.api.redemption.RejectionReason.WRONG_ACCOUNT;

import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.command.common.Currencies;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * The redemption decision as a pure function of the code, the order and the time: no I/O, so every
 * rule has its own test. Usage limits (uses left, one use per account) are not here: they are
 * decided by the database in the redemption's own transaction ({@link UsageLedger}), after this
 * says yes. Rules are checked in a fixed order and the first broken one is the reason: first the
 * code's own state, then the account, then the order
 * (its currency before any amount is compared).
 */
public final class RedemptionPolicy {

    private RedemptionPolicy() {
    }

    /**
     * @param groupVariants          variants of the rule's variant targeting group
     * @param otherCodesCountingLimit codes already on the order that count toward the order's code limit
     */
    public static Verdict decide(RedeemableCode code, OrderContext order, Instant now, Set<String> groupVariants,
                                 int otherCodesCountingLimit, RedemptionProperties settings) {
        DiscountTerms terms = code.terms();
        if (code.deleted()) {
            return Verdict.reject(DELETED, "The code " + code.code() + " was deleted.");
        }
        if (!code.enabled() || terms == null) {
            return Verdict.reject(DISABLED, terms == null
                    ? "The code " + code.code() + " gives no discount: its campaign has no discount rule."
                    : "The code " + code.code() + " is disabled.");
        }
        if (code.archived()) {
            return Verdict.reject(ARCHIVED, "The campaign of " + code.code() + " is archived.");
        }
        Instant start = later(code.startsAt(), terms.startsAt());
        if (start != null && now.isBefore(start)) {
            return Verdict.reject(NOT_STARTED, "The code " + code.code() + " can be used from " + start + ".");
        }
        Instant end = earlier(code.expiresAt(), terms.endsAt());
        if (end != null && !now.isBefore(end)) {
            return Verdict.reject(EXPIRED, "The code " + code.code() + " expired at " + end + ".");
        }
        if (code.boundAccountId() != null && !code.boundAccountId().equals(order.accountId())) {
            return Verdict.reject(WRONG_ACCOUNT, "The code " + code.code() + " belongs to another account.");
        }
        if (terms.firstOrderOnly() && !Boolean.TRUE.equals(order.firstOrder())) {
            return Verdict.reject(NOT_FIRST_ORDER, "The code " + code.code() + " is for a first order only.");
        }
        // Before the minimum: an amount in another currency cannot be compared with it.
        if (terms.currency() != null && !terms.currency().equals(order.currency()) && hasAmounts(terms)) {
            return Verdict.reject(NO_ELIGIBLE_ITEMS, "The discount of " + code.code() + " is in "
                    + terms.currency() + "; this order is in " + order.currency() + ".");
        }
        if (terms.orderMinimum() != null && order.subtotal().compareTo(terms.orderMinimum()) < 0) {
            return Verdict.reject(BELOW_MINIMUM, "The code " + code.code() + " needs an order of at least "
                    + terms.orderMinimum().toPlainString() + " " + terms.currency() + ".");
        }
        Eligibility eligibility = Eligibility.of(terms, order.lines(), groupVariants);
        if (!eligibility.anySelected()) {
            return Verdict.reject(NO_ELIGIBLE_ITEMS, "Nothing on this order is eligible for " + code.code() + ".");
        }
        if (code.countsTowardOrderLimit() && otherCodesCountingLimit + 1 > settings.maxCodesPerOrder()) {
            return Verdict.reject(NOT_STACKABLE, "The order already has " + otherCodesCountingLimit
                    + " code(s) and allows " + settings.maxCodesPerOrder() + "; " + code.code()
                    + " cannot be combined with them.");
        }
        return Verdict.give(DiscountCalculator.calculate(terms, order, eligibility.lines(), scale(order.currency()),
                settings.creditsEnabled()));
    }

    static int scale(String currency) {
        return Currencies.minorUnits(Currency.getInstance(currency));
    }

    private static boolean hasAmounts(DiscountTerms terms) {
        return terms.flatAmountOff() != null || terms.discountLimit() != null || terms.orderMinimum() != null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /**
     * Which lines a rule reaches. Variants (listed or from the targeting group) make the code apply
     * only to orders holding at least one of them; the percent then applies to those lines only when
     * "only apply percent discount to selected variants" is set, and to every line otherwise.
     */
    record Eligibility(boolean anySelected, boolean[] lines) {

        static Eligibility of(DiscountTerms terms, List<OrderLine> lines, Set<String> groupVariants) {
            boolean restricted = !terms.variantIds().isEmpty() || terms.variantTargetingGroup() != null;
            boolean percentOnSelected = terms.percentOff() != null && terms.percentOnlyOnSelectedVariants();
            boolean[] eligible = new boolean[lines.size()];
            boolean any = !restricted;
            for (int i = 0; i < lines.size(); i++) {
                String variant = lines.get(i).variantId();
                boolean selected = terms.variantIds().contains(variant) || groupVariants.contains(variant);
                any |= selected;
                eligible[i] = !percentOnSelected || selected;
            }
            return new Eligibility(any, eligible);
        }
    }
}
