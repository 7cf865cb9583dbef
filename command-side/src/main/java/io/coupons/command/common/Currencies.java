package io.coupons.command.common;

import java.util.Currency;

/** ISO 4217 currencies as rules and orders name them. */
public final class Currencies {

    private Currencies() {
    }

    /** The currency with this exact code (upper-case, three letters), or null when there is none. */
    public static Currency parse(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decimal places of amounts in the currency; 2 for the few without a minor unit (e.g. XAU). */
    public static int minorUnits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }
}
