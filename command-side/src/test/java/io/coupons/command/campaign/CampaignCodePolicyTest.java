package io.coupons.command.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CampaignCodePolicyTest {

    @Test
    void upperCasesAndStripsCodes() {
        assertThat(CampaignCodePolicy.normalize("  summer20 ")).isEqualTo("SUMMER20");
        assertThat(CampaignCodePolicy.normalize("welcome_15")).isEqualTo("WELCOME_15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUMMER20", "ABC", "WELCOME_15", "A1234567890123456789012345678901"})
    void acceptsLettersDigitsAndUnderscore(String code) {
        assertThat(CampaignCodePolicy.problem(code)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUMMER-20", "SUMMER 20", "ÉTÉ20", "SUMMER20!", "100%"})
    void rejectsOtherCharactersIncludingTheDashThatSeparatesGeneratedCodes(String code) {
        assertThat(CampaignCodePolicy.problem(code)).contains("may contain only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB", "A12345678901234567890123456789012"})
    void rejectsTooShortOrTooLong(String code) {
        assertThat(CampaignCodePolicy.problem(code)).contains("3 to 32");
    }

    @Test
    void rejectsMissingCode() {
        assertThat(CampaignCodePolicy.problem(null)).isEqualTo("is required");
        assertThat(CampaignCodePolicy.problem(CampaignCodePolicy.normalize("   "))).isEqualTo("is required");
    }
}
