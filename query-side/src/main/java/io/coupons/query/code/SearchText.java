package io.coupons.query.code;

import io.coupons.api.code.CouponCode;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What was typed into Find Coupon, in stored form (upper case, no surrounding spaces).
 *
 * <p>A generated code is {@code PREFIX-RANDOM}, the prefix being its bulk pool's campaign code
 * ({@link CouponCode#campaignCodeProblem}: never a dash). Typed without the dash, {@code SUMMER20ABC}
 * could mean {@code SUMMER20-ABC}, or {@code SUMMER2-0ABC} if both pools exist, or a single code of that name.
 * Rather than guess, the search looks in every one of those places: the literal text, and the text
 * split after each of its leading parts that is a bulk pool's code. The places are disjoint (the
 * dash sits at a different position in each), so no code is found twice. A typed dash is literal.
 */
record SearchText(String text) {

    static Optional<SearchText> parse(String typed) {
        return CouponCode.parseWellFormed(typed).map(code -> new SearchText(code.value()));
    }

    /** The leading parts of the text that could be a bulk pool's code with its dash left out. */
    List<String> possiblePoolCodes() {
        if (text.indexOf('-') >= 0) {
            return List.of();
        }
        int longest = Math.min(CouponCode.CAMPAIGN_CODE_MAX_LENGTH, text.length() - 1);
        return IntStream.rangeClosed(CouponCode.CAMPAIGN_CODE_MIN_LENGTH, longest).mapToObj(n -> text.substring(0, n))
                .toList();
    }
}
