package io.coupons.ui.terms;

import io.coupons.ui.app.ApiRefusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The discount terms form (a discount rule's, a promo batch's, a promo code's Edit) as the API's
 * {@code terms} object, and back. It only turns what was typed into JSON values: every rule about
 * the terms is the command side's ({@code DiscountTermsPolicy}), whose field errors come back named
 * {@code terms.<field>}, the names these inputs carry. Text that is not a number or a date where one
 * is expected is refused here with the same shape, since it has no JSON value to send.
 */
public final class TermsForm {

    public static final String PREFIX = "terms.";

    static final List<String> AMOUNTS = List.of("percentOff", "discountLimit", "flatAmountOff", "orderMinimum");
    static final List<String> FLAGS = List.of("percentOnlyOnSelectedVariants", "creditFromOverage",
            "freeGroundShipping", "ignoreTotalOrderCodeLimit", "firstOrderOnly", "oneUsePerAccount");
    static final List<String> INSTANTS = List.of("startsAt", "endsAt");
    static final List<String> TEXTS = List.of("currency", "variantTargetingGroup", "displayMessage", "offerType",
            "marketingCampaign", "pnlAllocation", "transactionType");

    private TermsForm() {
    }

    /** The {@code terms} object for the API from the form's {@code terms.*} inputs. */
    public static Map<String, Object> toTerms(MultiValueMap<String, String> form) {
        Map<String, Object> terms = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (String amount : AMOUNTS) {
            String typed = text(form, amount);
            if (typed != null) {
                try {
                    terms.put(amount, new BigDecimal(typed.replace(",", "")));
                } catch (NumberFormatException e) {
                    unreadable.put(PREFIX + amount, "is not a number");
                }
            }
        }
        for (String flag : FLAGS) {
            terms.put(flag, form.containsKey(PREFIX + flag));
        }
        for (String instant : INSTANTS) {
            String typed = text(form, instant);
            if (typed != null) {
                try {
                    terms.put(instant, LocalDateTime.parse(typed).toInstant(ZoneOffset.UTC).toString());
                } catch (DateTimeParseException e) {
                    unreadable.put(PREFIX + instant, "is not a date and time (YYYY-MM-DDTHH:MM, UTC)");
                }
            }
        }
        for (String text : TEXTS) {
            String typed = text(form, text);
            if (typed != null) {
                terms.put(text, text.equals("currency") ? typed.toUpperCase(java.util.Locale.ROOT) : typed);
            }
        }
        String variants = text(form, "variantIds");
        terms.put("variantIds", variants == null ? List.of()
                : Arrays.stream(variants.split("[,\\s]+")).filter(id -> !id.isBlank()).distinct().toList());
        if (!unreadable.isEmpty()) {
            throw new ApiRefusal(422, "INVALID_FIELDS", "Some fields cannot be read.", unreadable);
        }
        return terms;
    }

    /** The form's inputs ({@code terms.*} → what they show) from a view's {@code terms} object. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> fromTerms(Map<String, Object> terms) {
        Map<String, String> form = new LinkedHashMap<>();
        if (terms == null) {
            return form;
        }
        for (String amount : AMOUNTS) {
            if (terms.get(amount) != null) {
                form.put(PREFIX + amount, new BigDecimal(String.valueOf(terms.get(amount))).toPlainString());
            }
        }
        for (String flag : FLAGS) {
            if (Boolean.TRUE.equals(terms.get(flag))) {
                form.put(PREFIX + flag, "on");
            }
        }
        for (String instant : INSTANTS) {
            if (terms.get(instant) != null) {
                // datetime-local shows minutes in UTC, as the form's labels say.
                form.put(PREFIX + instant, LocalDateTime.ofInstant(Instant.parse(String.valueOf(terms.get(instant))),
                        ZoneOffset.UTC).toString());
            }
        }
        for (String text : TEXTS) {
            if (terms.get(text) != null) {
                form.put(PREFIX + text, String.valueOf(terms.get(text)));
            }
        }
        if (terms.get("variantIds") instanceof List<?> variants && !variants.isEmpty()) {
            form.put(PREFIX + "variantIds", String.join("\n", (List<String>) variants));
        }
        return form;
    }

    /** What was typed, as the form shows it again after a refusal. */
    public static Map<String, String> echo(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((name, values) -> typed.put(name, values.isEmpty() ? "" : values.get(0)));
        return typed;
    }

    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(PREFIX + field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
