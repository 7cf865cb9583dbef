package io.coupons.api.promo;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Show List: a batch's codes in generation order (run, then chunk, then place) after {@code after}.
 * Answers {@link PromoCodePage}, or nothing for an unknown or deleted batch.
 *
 * @param after the previous page's {@code nextCursor}; null for the first page
 * @param limit     1 to {@link #MAX_LIMIT}
 */
public record FindPromoCodesQuery(UUID promoBatchId, @Nullable String after, int limit) {

    public static final int MAX_LIMIT = 50;

    public FindPromoCodesQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
