package io.coupons.api.promo;

import java.time.LocalDate;
import java.util.List;

/** Promo usage from {@code from} to {@code to} (UTC days, both included), by P&amp;L Allocation and Transaction Type. */
public record PromoReporting(LocalDate from, LocalDate to, List<PromoReportingRow> rows) {

    public PromoReporting {
        rows = List.copyOf(rows);
    }
}
