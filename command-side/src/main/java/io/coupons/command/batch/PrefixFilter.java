package io.coupons.command.batch;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * A Bloom filter of the codes that exist under one prefix: "absent" is certain, "maybe present" is
 * treated as taken (the candidate is simply replaced). It lets a chunk skip the per-row conflict
 * check and load its codes with COPY; the registry's unique constraint still decides.
 */
final class PrefixFilter {

    /** About 1 % false positives at capacity: 9.6 bits and 7 hashes per code. */
    private static final double BITS_PER_CODE = 9.6;
    private static final int HASHES = 7;

    private final BitSet bits;
    private final int size;

    PrefixFilter(long capacity) {
        long wanted = (long) Math.ceil(Math.max(1_000, capacity) * BITS_PER_CODE);
        this.size = (int) Math.min(Integer.MAX_VALUE - 8, wanted);
        this.bits = new BitSet(size);
    }

    /** Bytes of memory the bits take. */
    static long bytesFor(long capacity) {
        return (long) Math.ceil(Math.max(1_000, capacity) * BITS_PER_CODE / 8);
    }

    boolean mightContain(String code) {
        long hash = hash(code);
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32);
        for (int i = 1; i <= HASHES; i++) {
            if (!bits.get(index(h1 + i * h2))) {
                return false;
            }
        }
        return true;
    }

    void add(String code) {
        long hash = hash(code);
        int h1 = (int) hash;
        int h2 = (int) (hash >>> 32);
        for (int i = 1; i <= HASHES; i++) {
            bits.set(index(h1 + i * h2));
        }
    }

    private int index(int combined) {
        return (combined & Integer.MAX_VALUE) % size;
    }

    /** 64-bit FNV-1a with a final avalanche (the codes are random already; this spreads the prefix). */
    private static long hash(String code) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : code.getBytes(StandardCharsets.US_ASCII)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
