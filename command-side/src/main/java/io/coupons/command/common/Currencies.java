package io.coupons.command.common;

import java.util.Currency;
import java.util.Set;

/**
 * ISO 4217 currencies as rules and orders name them: the one parser both use, so a code refused in
 * a rule is refused in an order too.
 *
 * <p>Only currencies money can be counted in are accepted. ISO 4217 also lists codes that have no
 * minor unit because they are not money a checkout takes: {@code XXX} ("no currency"), {@code XTS}
 * (testing), the metals {@code XAU XAG XPT XPD}, the SDR {@code XDR}, the bond-market and settlement
 * units {@code XBA XBB XBC XBD XSU XUA} and the withdrawn {@code XFO XFU}. The JDK marks exactly these
 * with {@link Currency#getDefaultFractionDigits()} {@code -1}; with no minor unit there is no scale to
 * round a discount to. (Real currencies whose code starts with X, such as {@code XOF} or {@code XCD},
 * have a minor unit and are accepted.)
 *
 * <p>ISO 4217's fund codes are refused too, though they have a minor unit: they are units of account
 * (Chile's {@code CLF}, Mexico's {@code MXV}, Bolivia's {@code BOV}, Colombia's {@code COU}, Uruguay's
 * {@code UYI} and {@code UYW}, the WIR units {@code CHE} and {@code CHW}) or a settlement variant of
 * a currency ({@code USN}, "US dollar next day"), never what a shopper pays in.
 */
public final class Currencies {

    /** The message for a currency field that {@link #parse} refused. */
    public static final String REFUSED =
            "must be an ISO 4217 currency such as USD or EUR (not XXX, XTS, a metal such as XAU, a unit such as "
                    + "XDR or a fund code such as CLF or USN)";

    private static final Set<String> FUNDS = Set.of("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW");

    private Currencies() {
    }

    /**
     * The currency with this exact code (upper-case, three letters), or null when there is none or
     * it is not money (no minor unit, see the class comment).
     */
    public static Currency parse(String code) {
        if (code == null || !code.matches("[A-Z]{3}") || FUNDS.contains(code)) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? null : currency;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decimal places of amounts in a currency {@link #parse} accepted ({@code JPY} 0, {@code USD} 2). */
    public static int minorUnits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency with a minor unit");
        }
        return digits;
    }
}
