package io.coupons.query.redemption;

import io.coupons.api.redemption.Discount;
import java.math.BigDecimal;

/** The amount a redemption counts as "discount given", in its currency. */
record Money(String currency, BigDecimal amount) {

    /** ISO 4217's code for "no currency", for a discount that names none (nothing to add up anyway). */
    static final String NO_CURRENCY = "XXX";

    static Money given(Discount discount) {
        if (discount == null) {
            return new Money(NO_CURRENCY, BigDecimal.ZERO);
        }
        return new Money(discount.currency() == null ? NO_CURRENCY : discount.currency(),
                discount.total() == null ? BigDecimal.ZERO : discount.total());
    }
}
