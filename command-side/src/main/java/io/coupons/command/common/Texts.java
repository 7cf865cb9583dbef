package io.coupons.command.common;

/** Rules for the free-text fields admins type. */
public final class Texts {

    private Texts() {
    }

    /** Optional text: absent is fine, present must be non-blank and at most {@code max} characters. */
    public static void optional(Violations violations, String field, String value, int max) {
        if (value == null) {
            return;
        }
        violations.addIf(value.isBlank(), field, "must not be blank; leave it out for none");
        violations.addIf(value.length() > max, field, "must be at most " + max + " characters");
    }

    public static void required(Violations violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(field, "is required");
            return;
        }
        violations.addIf(value.length() > max, field, "must be at most " + max + " characters");
    }

    /**
     * A name that other requests refer to exactly (a segment, a marketing campaign): required,
     * at most {@code max} characters (code points), no white space at either end (two names no
     * one can tell apart) and no control characters.
     */
    public static void name(Violations violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(field, "is required");
            return;
        }
        violations.addIf(value.codePointCount(0, value.length()) > max, field, "is at most " + max + " characters");
        violations.addIf(!value.equals(value.strip()), field, "must not start or end with white space");
        String control = controlProblem(value);
        violations.addIf(control != null, field, control);
    }

    /**
     * What is wrong with a name or an id that admins type, as far as its characters go: the first
     * control character (C0, DEL, C1; tab and line breaks too) or lone surrogate, or null when
     * there is none. Segment names, account ids and marketing campaign names share it.
     */
    public static String controlProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                return String.format("must not contain control characters (U+%04X at position %d)", (int) c, i + 1);
            }
        }
        return null;
    }
}
