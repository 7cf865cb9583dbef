package io.coupons.query.sql;

/** Escapes LIKE wildcards so a user's "%" or "_" matches itself. */
public final class Like {

    private Like() {
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
