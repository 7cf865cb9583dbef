package io.coupons.api.promo;

import java.time.LocalDate;

/**
 * Totals for reporting: answers {@link PromoReporting}. A redemption counts under its batch's
 * P&amp;L Allocation and Transaction Type (a code's own override does not move it: see the README).
 */
public record GetPromoReportingQuery(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public GetPromoReportingQuery {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }
}
