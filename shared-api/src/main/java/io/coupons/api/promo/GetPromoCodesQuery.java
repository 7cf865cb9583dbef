package io.coupons.api.promo;

import java.util.List;

/**
 * The promo codes among {@code codes} (stored form), deleted batches' codes included, so support
 * can explain a refused code. Answers {@link PromoCodePage} without a cursor; codes that are not
 * promo codes are left out.
 */
public record GetPromoCodesQuery(List<String> codes) {

    public static final int MAX_CODES = 200;

    public GetPromoCodesQuery {
        codes = List.copyOf(codes);
        if (codes.size() > MAX_CODES) {
            throw new IllegalArgumentException("at most " + MAX_CODES + " codes");
        }
    }
}
