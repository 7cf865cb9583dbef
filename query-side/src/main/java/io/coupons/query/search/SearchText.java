package io.coupons.query.search;

import io.coupons.query.common.CodeInput;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What was typed into Find Coupon, in stored form (upper case, no surrounding spaces).
 *
 * <p>A generated code is {@code PREFIX-RANDOM}, the prefix being its bulk pool's campaign code (3 to
 * 32 of A-Z, 0-9, '_'; never a dash). Typed without the dash, {@code SUMMER20ABC} could mean
 * {@code SUMMER20-ABC}, or {@code SUMMER2-0ABC} if both pools exist, or a single code of that name.
 * Rather than guess, the search looks in every one of those places: the literal text, and the text
 * split after each of its leading parts that is a bulk pool's code. The places are disjoint (the
 * dash sits at a different position in each), so no code is found twice. A typed dash is literal.
 */
record SearchText(String text) {

    private static final int SHORTEST_CAMPAIGN_CODE = 3;
    private static final int LONGEST_CAMPAIGN_CODE = 32;

    static Optional<SearchText> parse(String typed) {
        return CodeInput.normalize(typed).map(SearchText::new);
    }

    /** The leading parts of the text that could be a bulk pool's code with its dash left out. */
    List<String> possiblePoolCodes() {
        if (text.indexOf('-') >= 0) {
            return List.of();
        }
        int longest = Math.min(LONGEST_CAMPAIGN_CODE, text.length() - 1);
        return IntStream.rangeClosed(SHORTEST_CAMPAIGN_CODE, longest).mapToObj(n -> text.substring(0, n)).toList();
    }
}
