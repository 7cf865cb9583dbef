package io.coupons.ui.promo;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Typed text to JSON whole numbers for the promo forms. Only the conversion: blank is "not given"
 * (null) and text that is no whole number has no JSON value to send, so it is named here with the
 * same shape as the API's field errors; every range is the API's to check.
 */
final class WholeNumbers {

    static final String NOT_A_WHOLE_NUMBER = "is not a whole number";

    private WholeNumbers() {
    }

    static @Nullable Long read(MultiValueMap<String, String> form, String field, Map<String, String> unreadable) {
        String typed = form.getFirst(field);
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(typed.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            unreadable.put(field, NOT_A_WHOLE_NUMBER);
            return null;
        }
    }
}
