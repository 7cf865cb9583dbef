package io.coupons.ui.promo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How the promo and segment screens print what the query side answers, as {@code ${@promoDisplay...}}
 * in templates: a rule set in one line ("20% off, max 50 USD; min 100 USD; first order only", the
 * words of the query side's CSV export, so the screen and the file read alike), instants in UTC, and
 * whether a run is still moving. Presentation only: no rule is decided here.
 */
@Component("promoDisplay")
public class PromoDisplay {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final Map<String, String> TERM_LABELS = labels(
            "displayMessage", "Display", "variantIds", "Variants", "percentOff", "Percent Discount",
            "discountLimit", "Discount Limit", "percentOnlyOnSelectedVariants",
            "Only Apply Percent Discount To Selected Variants", "flatAmountOff", "Flat Discount", "currency", "Currency",
            "variantTargetingGroup", "Promo Variant Targeting Group", "creditFromOverage", "Add Credit from Overage",
            "freeGroundShipping", "Free Ground Shipping", "ignoreTotalOrderCodeLimit", "Ignore Total Order Code Limit",
            "firstOrderOnly", "First Order Only", "startsAt", "Start Date", "endsAt", "End Date",
            "oneUsePerAccount", "One Use Per Account", "orderMinimum", "Order Minimum", "offerType", "Offer Type",
            "marketingCampaign", "Marketing Campaign", "pnlAllocation", "P&L Allocation",
            "transactionType", "Transaction Type");

    /** The rules in force in one line; "no discount" for an empty set (the API would not accept one). */
    public String rules(Object value) {
        if (!(value instanceof Map<?, ?> terms)) {
            return "—";
        }
        String currency = terms.get("currency") == null ? "" : " " + terms.get("currency");
        List<String> parts = new ArrayList<>();
        if (terms.get("percentOff") != null) {
            String percent = amount(terms.get("percentOff")) + "% off";
            if (terms.get("discountLimit") != null) {
                percent += ", max " + amount(terms.get("discountLimit")) + currency;
            }
            parts.add(on(terms, "percentOnlyOnSelectedVariants") ? percent + " on selected variants" : percent);
        }
        if (terms.get("flatAmountOff") != null) {
            parts.add(amount(terms.get("flatAmountOff")) + currency + " off"
                    + (on(terms, "creditFromOverage") ? ", rest as credit" : ""));
        }
        if (on(terms, "freeGroundShipping")) {
            parts.add("free ground shipping");
        }
        if (terms.get("orderMinimum") != null) {
            parts.add("min " + amount(terms.get("orderMinimum")) + currency);
        }
        if (on(terms, "firstOrderOnly")) {
            parts.add("first order only");
        }
        if (on(terms, "oneUsePerAccount")) {
            parts.add("one use per account");
        }
        if (on(terms, "ignoreTotalOrderCodeLimit")) {
            parts.add("stacks with other codes");
        }
        if (terms.get("variantIds") instanceof List<?> variants && !variants.isEmpty()) {
            parts.add(variants.size() == 1 ? "variant " + variants.get(0) : variants.size() + " variants");
        }
        if (terms.get("variantTargetingGroup") != null) {
            parts.add("variant group " + terms.get("variantTargetingGroup"));
        }
        if (terms.get("startsAt") != null) {
            parts.add("from " + when(terms.get("startsAt")));
        }
        if (terms.get("endsAt") != null) {
            parts.add("until " + when(terms.get("endsAt")));
        }
        return parts.isEmpty() ? "no discount" : String.join("; ", parts);
    }

    /** Every field of a rule set with seed 003's label, in the form's order. */
    public Map<String, String> termLabels() {
        return TERM_LABELS;
    }

    /** One field of a rule set as the details show it: "—" when not set, "yes" for a checked flag. */
    public String term(Object value, String field) {
        Object term = value instanceof Map<?, ?> terms ? terms.get(field) : null;
        if (term == null || Boolean.FALSE.equals(term) || (term instanceof List<?> list && list.isEmpty())) {
            return "—";
        }
        if (Boolean.TRUE.equals(term)) {
            return "yes";
        }
        if (term instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return field.equals("startsAt") || field.equals("endsAt") ? when(term) : String.valueOf(term);
    }

    /** An instant as the screens show it (minutes, UTC); "—" when there is none. */
    public String when(Object instant) {
        if (instant == null || String.valueOf(instant).isBlank()) {
            return "—";
        }
        try {
            return MINUTES.format(Instant.parse(String.valueOf(instant)));
        } catch (DateTimeParseException notAnInstant) {
            return String.valueOf(instant);
        }
    }

    /** A generation run (or batch) whose state can still move: the screens keep polling it. */
    public boolean moving(Object state) {
        return isMoving(state);
    }

    static boolean isMoving(Object state) {
        return "REQUESTED".equals(state) || "RUNNING".equals(state);
    }

    /** Whole percent done, for the label next to a progress bar. */
    public long percent(Object done, Object total) {
        long all = total instanceof Number number ? number.longValue() : 0;
        long finished = done instanceof Number number ? number.longValue() : 0;
        return all <= 0 ? 0 : Math.min(100, finished * 100 / all);
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(labels);
    }

    private static boolean on(Map<?, ?> terms, String flag) {
        return Boolean.TRUE.equals(terms.get(flag));
    }

    private static String amount(Object value) {
        return new BigDecimal(String.valueOf(value)).stripTrailingZeros().toPlainString();
    }
}
