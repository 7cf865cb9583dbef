package io.coupons.api.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CouponCodeTest {

    @Test
    void typedCodesAreStrippedAndUpperCased() {
        assertEquals(Optional.of(new CouponCode("SUMMER20-A8K2X9")), CouponCode.parse("  summer20-a8k2x9 "));
        assertEquals("WELCOME_15", CouponCode.normalise("welcome_15"));
        assertNull(CouponCode.normalise(null));
    }

    @Test
    void upperCasingDoesNotDependOnTheDefaultLocale() {
        assertEquals("TIME", CouponCode.normalise("time")); // in Turkish, "i" would become "İ"
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blankIsNoCode(String typed) {
        assertTrue(CouponCode.parse(typed).isEmpty());
        assertTrue(CouponCode.parse(null).isEmpty());
    }

    @Test
    void aCodeIsAtMost64Characters() {
        assertTrue(CouponCode.parse("A".repeat(CouponCode.MAX_LENGTH)).isPresent());
        assertTrue(CouponCode.parse(" " + "A".repeat(CouponCode.MAX_LENGTH) + " ").isPresent());
        assertTrue(CouponCode.parse("A".repeat(CouponCode.MAX_LENGTH + 1)).isEmpty());
    }

    @Test
    void checkoutTakesAnyTextButSearchesOnlyWhatCanBeOurs() {
        assertTrue(CouponCode.parse("summer 20!").isPresent());
        assertTrue(CouponCode.parseWellFormed("summer 20!").isEmpty());
        assertEquals(Optional.of(new CouponCode("SUMMER_20-AB")), CouponCode.parseWellFormed(" summer_20-ab"));
    }

    @Test
    void theConstructorTakesOnlyTheStoredForm() {
        for (String value : new String[] {"summer20", " SUMMER20", "", "A".repeat(CouponCode.MAX_LENGTH + 1)}) {
            assertThrows(IllegalArgumentException.class, () -> new CouponCode(value), value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUMMER20", "ABC", "WELCOME_15", "A1234567890123456789012345678901"})
    void campaignCodesAreLettersDigitsAndUnderscore(String code) {
        assertNull(CouponCode.campaignCodeProblem(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUMMER-20", "SUMMER 20", "ÉTÉ20", "SUMMER20!", "100%"})
    void campaignCodesRefuseOtherCharactersIncludingTheDashThatSeparatesGeneratedCodes(String code) {
        assertTrue(CouponCode.campaignCodeProblem(code).contains("may contain only"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB", "A12345678901234567890123456789012"})
    void campaignCodesAre3To32Characters(String code) {
        assertTrue(CouponCode.campaignCodeProblem(code).contains("3 to 32"));
    }

    @Test
    void aCampaignCodeIsRequired() {
        assertEquals("is required", CouponCode.campaignCodeProblem(null));
        assertEquals("is required", CouponCode.campaignCodeProblem(CouponCode.normalise("   ")));
    }
}
