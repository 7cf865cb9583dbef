package io.coupons.command.code;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/**
 * The characters of the random part: digits and upper-case letters without look-alikes (no 0/O,
 * no 1/I/L), so a code read aloud or from paper is typed right. 31 symbols.
 */
public final class CodeAlphabet {

    public static final String SYMBOLS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int SIZE = SYMBOLS.length();
    /** Largest multiple of SIZE below 256: bytes at or above it are redrawn, so every symbol is equally likely. */
    private static final int UNBIASED_LIMIT = 256 - (256 % SIZE);

    private CodeAlphabet() {
    }

    /** How many distinct random parts of this length exist. */
    public static BigInteger keySpace(int length) {
        return BigInteger.valueOf(SIZE).pow(length);
    }

    /**
     * Fills {@code out} with {@code count} codes {@code prefix-RANDOM}, or just {@code RANDOM} when the
     * prefix is empty (promo codes). Random bytes are drawn in bulk from the cryptographic source
     * (one call per chunk, not one per character).
     */
    public static void fill(SecureRandom random, String prefix, int length, int count, List<String> out) {
        byte[] pool = new byte[Math.max(64, count * length * 9 / 8 + 16)];
        int next = pool.length;
        int head = prefix.isEmpty() ? 0 : prefix.length() + 1;
        char[] code = new char[head + length];
        if (head > 0) {
            prefix.getChars(0, prefix.length(), code, 0);
            code[prefix.length()] = '-';
        }
        for (int produced = 0; produced < count; produced++) {
            for (int i = head; i < code.length; i++) {
                int value;
                do {
                    if (next == pool.length) {
                        random.nextBytes(pool);
                        next = 0;
                    }
                    value = pool[next++] & 0xFF;
                } while (value >= UNBIASED_LIMIT);
                code[i] = SYMBOLS.charAt(value % SIZE);
            }
            out.add(new String(code));
        }
    }
}
