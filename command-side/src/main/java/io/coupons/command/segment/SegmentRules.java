package io.coupons.command.segment;

import io.coupons.command.common.Violations;

/**
 * What a segment name and an account id may be. Names are case-sensitive ({@code Summer} and
 * {@code summer} are two segments, as the seed's case-sensitive search implies). Account ids are
 * compared exactly after stripping surrounding white space; inside they are any text without
 * control characters, commas or double quotes, so every member set reads back as a one-column
 * CSV without quoting and uploads again unchanged.
 */
final class SegmentRules {

    static final int MAX_NAME_LENGTH = 120;
    static final int MAX_ACCOUNT_ID_LENGTH = 200;

    private SegmentRules() {
    }

    static void checkName(String name) {
        Violations violations = new Violations();
        if (name == null || name.isBlank()) {
            violations.add("name", "is required");
        } else {
            violations.addIf(name.codePointCount(0, name.length()) > MAX_NAME_LENGTH, "name",
                    "is at most " + MAX_NAME_LENGTH + " characters");
            violations.addIf(!name.equals(name.strip()), "name", "must not start or end with white space");
            int refused = firstControl(name);
            violations.addIf(refused >= 0, "name", refused >= 0 ? controlMessage(name, refused) : "");
        }
        violations.throwIfAny();
    }

    /** What is wrong with an account id (already stripped), or null when it is fine. */
    static String accountIdProblem(String accountId) {
        if (accountId.isEmpty()) {
            return "is blank: every line (entry) holds one account id";
        }
        int refused = firstControl(accountId);
        if (refused >= 0) {
            return controlMessage(accountId, refused);
        }
        if (accountId.codePointCount(0, accountId.length()) > MAX_ACCOUNT_ID_LENGTH) {
            return "is longer than " + MAX_ACCOUNT_ID_LENGTH + " characters";
        }
        if (accountId.indexOf(',') >= 0 || accountId.indexOf('"') >= 0) {
            return "holds a comma or a double quote: one account id a line, without CSV quoting";
        }
        return null;
    }

    /** The first control character (C0, DEL, C1; tab and line breaks too) or lone surrogate, or -1. */
    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String controlMessage(String text, int at) {
        return String.format("must not contain control characters (U+%04X at position %d)", (int) text.charAt(at),
                at + 1);
    }
}
