package io.coupons.api.search;

/**
 * Find Coupon (seed 000): the codes equal to or starting with {@code search}, in code order, one
 * page at a time. Answers {@link CodePage}. Case and surrounding spaces do not matter, nor does the
 * dash between a bulk pool's prefix and the random part ({@code summer20abc} finds
 * {@code SUMMER20-ABC...}).
 *
 * @param search a full code or a prefix
 * @param cursor null for the first page, else the previous page's {@link CodePage#nextCursor()}; opaque
 * @param size   rows per page, 1 to {@link #MAX_SIZE} (the admin screen shows {@link #DEFAULT_SIZE})
 */
public record FindCodesQuery(String search, String cursor, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public FindCodesQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }
}
