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
}
