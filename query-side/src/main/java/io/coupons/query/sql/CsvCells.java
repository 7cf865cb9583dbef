package io.coupons.query.sql;

/**
 * Free text typed by people goes into spreadsheets: a cell starting with = + - @ (or a tab or
 * carriage return) would run as a formula in Excel or Sheets, so it is prefixed with a quote
 * (OWASP "CSV injection").
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }
}
