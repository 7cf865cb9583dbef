package io.coupons.ui.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The discount terms of a rule in force as label and value lines, only the terms that are set
 * (support wants to read "Percent off 20, Currency USD", not twenty empty fields). Labels come
 * from the API's field names, so a term added to the API shows up without a change here.
 */
public final class TermsLines {

    private TermsLines() {
    }

    public record Line(String label, String value) {
    }

    public static List<Line> of(Map<String, Object> terms) {
        List<Line> lines = new ArrayList<>();
        if (terms == null) {
            return lines;
        }
        terms.forEach((field, value) -> {
            if (value == null || Boolean.FALSE.equals(value) || value instanceof Collection<?> list && list.isEmpty()
                    || String.valueOf(value).isBlank()) {
                return;
            }
            String shown = Boolean.TRUE.equals(value) ? "yes"
                    : value instanceof Collection<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            lines.add(new Line(label(field), shown));
        });
        return lines;
    }

    /** {@code percentOnlyOnSelectedVariants} → "Percent only on selected variants". */
    static String label(String field) {
        if (field.equals("pnlAllocation")) {
            return "P&L allocation";
        }
        String spaced = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
