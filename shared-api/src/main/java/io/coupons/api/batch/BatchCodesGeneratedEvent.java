package io.coupons.api.batch;

import io.coupons.api.campaign.CampaignId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * One chunk of a batch's codes, written in the same transaction that reserved them. Chunks are
 * bounded (ten thousand codes) so no event and no transaction grows with the batch.
 *
 * <p>The codes are packed: every code is {@code prefix + "-" + part}, each part exactly
 * {@code randomLength} characters, the parts concatenated in {@code randomParts}. One string instead
 * of ten thousand keeps the event about a fifth of the size of a list, and so the memory of anyone
 * reading the event stream; {@link #codes()} unpacks them.
 *
 * @param chunk     0, 1, 2... within the batch
 * @param generated codes of the batch generated so far, this chunk included
 */
@Revision("1")
public record BatchCodesGeneratedEvent(BatchId batchId, CampaignId campaignId, int batchNumber, int chunk,
                                       String prefix, int randomLength, String randomParts, long generated) {

    /** Packs codes that all read {@code prefix-PART} with parts of {@code randomLength} characters. */
    public static BatchCodesGeneratedEvent of(BatchId batchId, CampaignId campaignId, int batchNumber, int chunk,
                                              String prefix, int randomLength, List<String> codes, long generated) {
        StringBuilder parts = new StringBuilder(codes.size() * randomLength);
        int start = prefix.length() + 1;
        for (String code : codes) {
            if (code.length() != start + randomLength || !code.startsWith(prefix + "-")) {
                throw new IllegalArgumentException(code + " is not " + prefix + "- with " + randomLength + " characters");
            }
            parts.append(code, start, code.length());
        }
        return new BatchCodesGeneratedEvent(batchId, campaignId, batchNumber, chunk, prefix, randomLength,
                parts.toString(), generated);
    }

    /** How many codes the chunk holds. */
    public int size() {
        return randomParts.length() / randomLength;
    }

    /** The chunk's codes, unpacked. */
    public List<String> codes() {
        List<String> codes = new ArrayList<>(size());
        String head = prefix + "-";
        for (int i = 0; i < randomParts.length(); i += randomLength) {
            codes.add(head + randomParts.substring(i, i + randomLength));
        }
        return codes;
    }
}
