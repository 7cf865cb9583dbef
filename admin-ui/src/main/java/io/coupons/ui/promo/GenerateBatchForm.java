package io.coupons.ui.promo;

import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.terms.TermsForm;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The Generate Batch form as the command side's {@code PromoBatchRequest}. Only the generation
 * method's own field is sent (Number of Codes, or Target User Segment): the other one is hidden on
 * the screen, and a value left in it is not something the admin asked for.
 */
final class GenerateBatchForm {

    static final String NUMBER_OF_CODES = "NUMBER_OF_CODES";
    static final String TARGET_USER_SEGMENT = "TARGET_USER_SEGMENT";

    private GenerateBatchForm() {
    }

    static Map<String, Object> toRequest(MultiValueMap<String, String> form) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        Map<String, Object> request = new LinkedHashMap<>();
        String method = text(form, "method");
        request.put("method", method);
        if (NUMBER_OF_CODES.equals(method)) {
            request.put("numberOfCodes", WholeNumbers.read(form, "numberOfCodes", unreadable));
        } else if (TARGET_USER_SEGMENT.equals(method)) {
            // Segment names are case-sensitive and exact: sent as typed (the API refuses end spaces).
            request.put("targetUserSegment", asTyped(form, "targetUserSegment"));
        }
        request.put("codeLength", WholeNumbers.read(form, "codeLength", unreadable));
        request.put("name", asTyped(form, "name"));
        request.put("enabled", form.containsKey("enabled"));
        request.put("inventoryEnabled", form.containsKey("inventoryEnabled"));
        request.put("inventory", WholeNumbers.read(form, "inventory", unreadable));
        try {
            request.put("terms", TermsForm.toTerms(form));
        } catch (ApiRefusal termsUnreadable) {
            unreadable.putAll(termsUnreadable.fieldErrors());
        }
        if (!unreadable.isEmpty()) {
            throw new ApiRefusal(422, "INVALID_FIELDS", "Some fields cannot be read.", unreadable);
        }
        return request;
    }

    /** As typed (the API judges white space), or null when nothing was typed. */
    private static String asTyped(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
