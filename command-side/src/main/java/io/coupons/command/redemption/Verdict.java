package io.coupons.command.redemption;

import io.coupons.api.redemption.Discount;
import io.coupons.api.redemption.RejectionReason;

/** The decision before usage limits: a rejection with its reason and message, or the discount. */
record Verdict(RejectionReason reason, String message, Discount discount) {

    static Verdict reject(RejectionReason reason, String message) {
        return new Verdict(reason, message, null);
    }

    static Verdict give(Discount discount) {
        return new Verdict(null, null, discount);
    }

    boolean accepted() {
        return reason == null;
    }
}
