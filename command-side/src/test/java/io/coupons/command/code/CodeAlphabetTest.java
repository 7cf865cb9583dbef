package io.coupons.command.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.code.CouponCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeAlphabetTest {

    @Test
    void hasNoLookAlikes() {
        assertThat(CodeAlphabet.SYMBOLS).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
        assertThat(CodeAlphabet.SYMBOLS.chars().distinct().count()).isEqualTo(31);
    }

    @Test
    void drawsPrefixDashRandomPartOfTheAskedLength() {
        List<String> codes = new ArrayList<>();
        CodeAlphabet.fill(new SecureRandom(), "SUMMER20", 6, 1000, codes);
        assertThat(codes).hasSize(1000).allMatch(code -> code.matches("SUMMER20-[" + CodeAlphabet.SYMBOLS + "]{6}"));
    }

    @Test
    void usesEverySymbolAboutEquallyOften() {
        List<String> codes = new ArrayList<>();
        CodeAlphabet.fill(new SecureRandom(), "P", 10, 31_000, codes);
        Map<Character, Integer> counts = new HashMap<>();
        codes.forEach(code -> code.substring(2).chars().forEach(c -> counts.merge((char) c, 1, Integer::sum)));
        // 310,000 draws, 10,000 expected per symbol; a biased modulo would skew some by ~3 %.
        assertThat(counts).hasSize(31);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(9_500, 10_500));
    }

    @Test
    void keySpaceGrowsBy31PerCharacter() {
        assertThat(CodeAlphabet.keySpace(6)).isEqualTo(BigInteger.valueOf(887_503_681L));
    }

    @Test
    void keySpacePolicyAllowsOnePercentAndSuggestsTheShortestLengthThatFits() {
        BigDecimal onePercent = new BigDecimal("0.01");
        assertThat(KeySpacePolicy.problem(6, 0, 8_875_036, onePercent)).isNull();
        assertThat(KeySpacePolicy.problem(6, 0, 8_875_037, onePercent)).contains("use randomLength 7");
        assertThat(KeySpacePolicy.problem(6, 8_000_000, 1_000_000, onePercent)).contains("8000000 exist");
        assertThat(KeySpacePolicy.problem(7, 0, 10_000_000, onePercent)).isNull();
    }

    @Test
    void theLongestGeneratedCodeIsStillACode() {
        List<String> codes = new ArrayList<>();
        String longestPrefix = "P".repeat(CouponCode.CAMPAIGN_CODE_MAX_LENGTH);
        CodeAlphabet.fill(new SecureRandom(), longestPrefix, KeySpacePolicy.MAX_LENGTH, 1, codes);
        assertThat(CouponCode.parseWellFormed(codes.get(0))).map(CouponCode::value).contains(codes.get(0));
    }
}
