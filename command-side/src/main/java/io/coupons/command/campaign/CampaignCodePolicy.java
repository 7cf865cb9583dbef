package io.coupons.command.campaign;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a campaign code may look like. Codes are upper-cased (the seed: "Auto-uppercased") and
 * limited to A-Z, 0-9 and underscore: no dash, because the dash separates the campaign prefix from
 * the random part of generated codes ({@code SUMMER20-A8K2X9}), and no characters a customer
 * cannot type reliably.
 */
public final class CampaignCodePolicy {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;
    private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9_]+");

    private CampaignCodePolicy() {
    }

    /** Upper-cased and stripped; null stays null. */
    public static String normalize(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** Why the normalized code is not acceptable, or null when it is. */
    public static String problem(String normalizedCode) {
        if (normalizedCode == null || normalizedCode.isEmpty()) {
            return "is required";
        }
        if (normalizedCode.length() < MIN_LENGTH || normalizedCode.length() > MAX_LENGTH) {
            return "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters";
        }
        if (!ALLOWED.matcher(normalizedCode).matches()) {
            return "may contain only letters A-Z, digits 0-9 and underscore";
        }
        return null;
    }
}
