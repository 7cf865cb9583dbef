package io.coupons.api.code;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A coupon code in its stored form: stripped and upper-cased, 1 to {@value #MAX_LENGTH} characters.
 * Codes are compared as customers type them, so surrounding spaces and case never matter; this is
 * the one place that says how. Events and commands keep their codes as {@code String} (Axon stores
 * and sends those; a record would change their shape): the edges parse into this type, and a code
 * read back from an event or a table is already in stored form.
 *
 * <p>Three kinds of text are codes: a campaign's own code (single-code and URL-token campaigns, and
 * the prefix of a bulk pool's codes: {@link #campaignCodeProblem}), a generated code
 * {@code PREFIX-RANDOM} (the random part from the command side's code alphabet), and later promo
 * codes without a prefix. All of them share one key space and fit in {@value #MAX_LENGTH}.
 */
public record CouponCode(String value) {

    /**
     * The longest text taken as a code, at checkout and in searches. Every code we make is shorter
     * (a campaign code of at most 32, the dash and a random part of at most 16): the margin keeps a
     * longer random part or another kind of code from changing what clients may send.
     */
    public static final int MAX_LENGTH = 64;
    /** A campaign's own code is 3 to 32 characters, so a pool's prefix is too. */
    public static final int CAMPAIGN_CODE_MIN_LENGTH = 3;
    public static final int CAMPAIGN_CODE_MAX_LENGTH = 32;

    /** No dash: it separates a pool's prefix from the random part of its codes. */
    private static final Pattern CAMPAIGN_CODE = Pattern.compile("[A-Z0-9_]+");
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Z0-9_-]+");

    public CouponCode {
        Objects.requireNonNull(value, "coupon code");
        if (!storable(value)) {
            throw new IllegalArgumentException("not a coupon code in stored form (stripped, upper case, 1 to "
                    + MAX_LENGTH + " characters): " + value);
        }
    }

    /**
     * What a person or a checkout typed, in stored form; empty when it is blank or longer than any
     * code. Any other text is a code nobody has: checkout answers it like every unknown code.
     */
    public static Optional<CouponCode> parse(String typed) {
        String value = normalise(typed);
        return value != null && storable(value) ? Optional.of(new CouponCode(value)) : Optional.empty();
    }

    /**
     * What was typed, when it can be a code of ours: only A-Z, 0-9, '_' and '-' (the admin API's
     * searches answer 400 for anything else rather than an empty page).
     */
    public static Optional<CouponCode> parseWellFormed(String typed) {
        return parse(typed).filter(code -> WELL_FORMED.matcher(code.value).matches());
    }

    /**
     * Stripped and upper-cased in {@link Locale#ROOT}, so every JVM stores the same code whatever its
     * default locale (in Turkish, "i" would become a dotted capital); null stays null. Stored events
     * hold codes in this form, and order fingerprints hash it: it must never change.
     */
    public static String normalise(String typed) {
        return typed == null ? null : typed.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Why {@code code} (in stored form) cannot be a campaign's own code, or null when it can: 3 to 32
     * of A-Z, 0-9 and '_', characters every customer can type.
     */
    public static String campaignCodeProblem(String code) {
        if (code == null || code.isEmpty()) {
            return "is required";
        }
        if (code.length() < CAMPAIGN_CODE_MIN_LENGTH || code.length() > CAMPAIGN_CODE_MAX_LENGTH) {
            return "must be " + CAMPAIGN_CODE_MIN_LENGTH + " to " + CAMPAIGN_CODE_MAX_LENGTH + " characters";
        }
        if (!CAMPAIGN_CODE.matcher(code).matches()) {
            return "may contain only letters A-Z, digits 0-9 and underscore";
        }
        return null;
    }

    private static boolean storable(String value) {
        return !value.isEmpty() && value.length() <= MAX_LENGTH && value.equals(normalise(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
