package io.coupons.api.promo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

/**
 * One chunk of a promo generation run's codes (at most ten thousand), written in the transaction
 * that reserved them in the registry of every code. Not an event of the {@code PromoBatch}
 * aggregate's stream: loading the batch never reads its codes.
 *
 * <p>Promo codes have no prefix: each is exactly {@code codeLength} characters, concatenated in
 * {@code packedCodes}. A segment run binds each code to one account: {@code accountIds.get(i)}
 * belongs to the i-th code; a Number of Codes run has {@code accountIds} null.
 *
 * @param chunk     0, 1, 2... within the run
 * @param generated codes of the run generated so far, this chunk included
 */
@Revision("1")
public record PromoCodesGeneratedEvent(PromoBatchId promoBatchId, UUID runId, int runNumber, int chunk,
                                       int codeLength, String packedCodes, @Nullable List<String> accountIds,
                                       long generated) implements PromoBatchEvent {

    public static PromoCodesGeneratedEvent of(PromoBatchId promoBatchId, UUID runId, int runNumber, int chunk,
                                              int codeLength, List<String> codes, @Nullable List<String> accountIds,
                                              long generated) {
        StringBuilder packed = new StringBuilder(codes.size() * codeLength);
        for (String code : codes) {
            if (code.length() != codeLength) {
                throw new IllegalArgumentException(code + " does not have " + codeLength + " characters");
            }
            packed.append(code);
        }
        if (accountIds != null && accountIds.size() != codes.size()) {
            throw new IllegalArgumentException(codes.size() + " codes for " + accountIds.size() + " accounts");
        }
        return new PromoCodesGeneratedEvent(promoBatchId, runId, runNumber, chunk, codeLength, packed.toString(),
                accountIds == null ? null : List.copyOf(accountIds), generated);
    }

    public int size() {
        return packedCodes.length() / codeLength;
    }

    public List<String> codes() {
        List<String> codes = new ArrayList<>(size());
        for (int i = 0; i < packedCodes.length(); i += codeLength) {
            codes.add(packedCodes.substring(i, i + codeLength));
        }
        return codes;
    }

    /** The account the i-th code is bound to, or null. */
    public @Nullable String accountOf(int i) {
        return accountIds == null ? null : accountIds.get(i);
    }
}
