package io.coupons.query.redemption;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Function;

/**
 * Columns of a batch of rows as text arrays, for {@code unnest(?::uuid[], ?::numeric[], ...)}: one
 * statement writes the whole batch, and PostgreSQL casts each column to its type.
 */
final class SqlArrays {

    private SqlArrays() {
    }

    static <T> String[] column(Collection<T> rows, Function<T, ?> value) {
        return rows.stream().map(value).map(SqlArrays::text).toArray(String[]::new);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
