package io.coupons.command.code;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Whether a random-part length leaves room for the codes asked for. A pool filled to at most
 * {@code maxFill} of its key space keeps collisions (and lucky guesses) rare: at 1 % full, one
 * candidate in a hundred collides and is replaced, and a guess hits a real code one time in a
 * hundred, which the redemption throttle then has to absorb.
 */
public final class KeySpacePolicy {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 16;
    public static final long MAX_QUANTITY = 10_000_000;

    private KeySpacePolicy() {
    }

    /** Why {@code existing + requested} codes do not fit at {@code length}, or null when they do. */
    public static String problem(int length, long existing, long requested, BigDecimal maxFill) {
        return problem(length, existing, requested, maxFill, "random length", "this prefix and length",
                "randomLength");
    }

    /**
     * The same for promo codes, which have no prefix: every promo code of one length shares the space.
     */
    public static String promoProblem(int length, long existing, long requested, BigDecimal maxFill) {
        return problem(length, existing, requested, maxFill, "a code length of", "this length (every promo "
                + "batch's codes of " + length + " characters share them)", "codeLength");
    }

    private static String problem(int length, long existing, long requested, BigDecimal maxFill, String lengthName,
                                  String space, String field) {
        BigInteger allowed = allowed(length, maxFill);
        BigInteger total = BigInteger.valueOf(existing).add(BigInteger.valueOf(requested));
        if (total.compareTo(allowed) <= 0) {
            return null;
        }
        return lengthName + " " + length + " has " + CodeAlphabet.keySpace(length) + " combinations; keeping "
                + "the pool at most " + maxFill.movePointRight(2).stripTrailingZeros().toPlainString()
                + "% full allows " + allowed + " codes with " + space + ", and " + existing
                + " exist or are being generated, so " + requested + " more do not fit; use " + field + " "
                + suggestedLength(total, maxFill) + " or more";
    }

    static BigInteger allowed(int length, BigDecimal maxFill) {
        return new BigDecimal(CodeAlphabet.keySpace(length)).multiply(maxFill).setScale(0, RoundingMode.FLOOR)
                .toBigInteger();
    }

    static int suggestedLength(BigInteger total, BigDecimal maxFill) {
        int length = MIN_LENGTH;
        while (length < 64 && allowed(length, maxFill).compareTo(total) < 0) {
            length++;
        }
        return length;
    }
}
