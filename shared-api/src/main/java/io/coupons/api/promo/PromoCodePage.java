package io.coupons.api.promo;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Promo codes in code order.
 *
 * @param nextCursor where Show List continues (pass it back as {@code after}), null after the last code
 */
public record PromoCodePage(List<PromoCodeView> items, @Nullable String nextCursor) {

    public PromoCodePage {
        items = List.copyOf(items);
    }
}
