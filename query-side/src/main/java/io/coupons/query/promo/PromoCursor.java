package io.coupons.query.promo;

/**
 * Show List's cursor: the position of the last code shown, in decimal. Opaque to clients (they pass
 * it back); a position, not a code, because the list is in generation order.
 */
final class PromoCursor {

    private PromoCursor() {
    }

    static String of(long position) {
        return Long.toString(position);
    }

    static boolean isValid(String cursor) {
        return cursor.length() <= 19 && cursor.chars().allMatch(c -> c >= '0' && c <= '9') && !cursor.isEmpty()
                && position(cursor) >= 0;
    }

    static long position(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
