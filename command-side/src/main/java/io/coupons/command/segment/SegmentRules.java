package io.coupons.command.segment;

import io.coupons.command.common.Texts;
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
        Texts.name(violations, "name", name, MAX_NAME_LENGTH);
        violations.throwIfAny();
    }

    /** What is wrong with an account id (already stripped), or null when it is fine. */
    static String accountIdProblem(String accountId) {
        if (accountId.isEmpty()) {
            return "is blank: every line (entry) holds one account id";
        }
        String control = Texts.controlProblem(accountId);
        if (control != null) {
            return control;
        }
        if (accountId.codePointCount(0, accountId.length()) > MAX_ACCOUNT_ID_LENGTH) {
            return "is longer than " + MAX_ACCOUNT_ID_LENGTH + " characters";
        }
        if (accountId.indexOf(',') >= 0 || accountId.indexOf('"') >= 0) {
            return "holds a comma or a double quote: one account id a line, without CSV quoting";
        }
        return null;
    }
}
