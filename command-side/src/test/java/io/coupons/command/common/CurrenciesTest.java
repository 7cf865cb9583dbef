package io.coupons.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which ISO 4217 codes rules and orders may name. */
class CurrenciesTest {

    @Test
    void refusesEveryIsoCodeThatIsNotCountableMoney() {
        List<String> notMoney = List.of("XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XFO", "XFU", "XPD", "XPT",
                "XSU", "XTS", "XUA", "XXX");

        assertThat(notMoney).allSatisfy(code -> assertThat(Currencies.parse(code)).as(code).isNull());
        // The JDK's list of codes without a minor unit is exactly these: none slips through.
        assertThat(Currency.getAvailableCurrencies().stream().filter(c -> c.getDefaultFractionDigits() < 0)
                .map(Currency::getCurrencyCode).collect(Collectors.toSet())).isSubsetOf(notMoney);
    }

    @Test
    void refusesIsoFundCodesThoughTheyHaveAMinorUnit() {
        assertThat(List.of("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"))
                .allSatisfy(code -> assertThat(Currencies.parse(code)).as(code).isNull());
        assertThat(Currencies.parse("CLP")).as("Chile's peso itself").isNotNull();
        assertThat(Currencies.parse("MXN")).as("Mexico's peso itself").isNotNull();
    }

    @Test
    void acceptsRealCurrenciesIncludingThoseWhoseCodeStartsWithX() {
        assertThat(List.of("USD", "EUR", "JPY", "BHD", "XOF", "XAF", "XCD", "XPF"))
                .allSatisfy(code -> assertThat(Currencies.parse(code)).as(code).isNotNull());
    }

    @Test
    void refusesUnknownAndLowerCaseCodes() {
        assertThat(Currencies.parse("EURO")).isNull();
        assertThat(Currencies.parse("usd")).isNull();
        assertThat(Currencies.parse("ABC")).isNull();
        assertThat(Currencies.parse(null)).isNull();
    }
}
