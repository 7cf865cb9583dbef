package io.coupons.ui.campaign;

import io.coupons.ui.app.ApiRefusal;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The campaign forms' typed text as the API's JSON values, and nothing more: whether a code, a
 * number or a date is acceptable is the command side's decision, shown next to the field it names.
 * Only text that has no JSON value at all (a date that is not a date) is refused here, in the same
 * shape, because there is nothing to send.
 */
final class CampaignForm {

    /** The create request's fields, as the API names them (and names them in its field errors). */
    static final String CODE = "code";
    static final String TYPE = "type";
    static final String RULE = "discountRuleId";
    static final String USES = "usesPerCode";
    static final String STARTS = "startsAt";
    static final String EXPIRES = "expiresAt";

    /**
     * Conflicts (409) carry no field, yet each is about one: shown next to it, as seed 000's
     * "Auto-uppercased, unique" code field would show a taken code.
     */
    private static final Map<String, String> CONFLICT_FIELDS = Map.of(
            "CAMPAIGN_CODE_TAKEN", CODE,
            "CODE_CHANGE_NOT_ALLOWED", CODE,
            "DISCOUNT_RULE_RETIRED", RULE,
            "NOT_A_BULK_POOL", "quantity");

    /**
     * What a modal answers once it saved: the table is told to redraw, and the answer (empty but for
     * its out-of-band alert) swapped into {@code #modal} closes the modal. Not {@code closeModal}:
     * that would detach the requesting element before the swap, and htmx then looks for the
     * out-of-band target in the detached tree, and the alert is lost.
     */
    static final String SAVED_TRIGGERS = "campaignsChanged";

    private CampaignForm() {
    }

    /** The body of {@code POST /api/campaigns}. */
    static Map<String, Object> createRequest(MultiValueMap<String, String> form) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(CODE, text(form, CODE));
        body.put(TYPE, text(form, TYPE));
        body.put(RULE, text(form, RULE));
        body.put(USES, number(form, USES, unreadable));
        body.put(STARTS, instant(form, STARTS, unreadable));
        body.put(EXPIRES, instant(form, EXPIRES, unreadable));
        refuseUnreadable(unreadable);
        return body;
    }

    /** A typed number as a JSON number (whole when it is whole), or null when left blank. */
    static @Nullable Number number(MultiValueMap<String, String> form, String field, Map<String, String> unreadable) {
        String typed = text(form, field);
        if (typed == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(typed.replace(",", "").replace("_", ""));
            return number.stripTrailingZeros().scale() <= 0 ? number.toBigIntegerExact() : number;
        } catch (NumberFormatException | ArithmeticException e) {
            unreadable.put(field, "is not a number");
            return null;
        }
    }

    /** A {@code datetime-local} value, read as UTC (the labels say so), as an ISO instant; null when blank. */
    static @Nullable String instant(MultiValueMap<String, String> form, String field, Map<String, String> unreadable) {
        String typed = text(form, field);
        if (typed == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            unreadable.put(field, "is not a date and time (YYYY-MM-DDTHH:MM, UTC)");
            return null;
        }
    }

    static @Nullable String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static void refuseUnreadable(Map<String, String> unreadable) {
        if (!unreadable.isEmpty()) {
            throw new ApiRefusal(422, "INVALID_FIELDS", "Some fields cannot be read.", unreadable);
        }
    }

    /** The refusal with a conflict's words moved next to the field it is about. */
    static ApiRefusal onFields(ApiRefusal refusal) {
        String field = CONFLICT_FIELDS.get(refusal.code());
        if (field == null || refusal.on(field) != null) {
            return refusal;
        }
        Map<String, String> fields = new LinkedHashMap<>(refusal.fieldErrors());
        fields.put(field, refusal.detail());
        return new ApiRefusal(refusal.status(), refusal.code(), refusal.detail(), fields);
    }
}
