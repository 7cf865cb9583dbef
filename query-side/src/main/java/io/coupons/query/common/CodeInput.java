package io.coupons.query.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A code as people type it: surrounding spaces and case do not matter, as for {@code RedemptionId}.
 * Campaign codes are A-Z, 0-9 and '_'; generated codes add '-' and the random part.
 */
public final class CodeInput {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,64}");

    private CodeInput() {
    }

    /** The stored form of the code, or empty when no code could look like this. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
