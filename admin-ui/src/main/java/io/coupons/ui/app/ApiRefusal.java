package io.coupons.ui.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A side refused what the UI asked, with its problem body: the stable {@code code}, the words, and
 * each field at fault. Screens show {@link #fieldErrors()} next to the fields they name and
 * {@link #detail()} above the form.
 */
public final class ApiRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ApiRefusal(int status, String code, String detail, Map<String, String> fieldErrors) {
        super(status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** From a problem body, read as JSON; anything else becomes a refusal naming only its status. */
    @SuppressWarnings("unchecked")
    static ApiRefusal fromProblem(int status, Object body) {
        if (!(body instanceof Map<?, ?> problem)) {
            return new ApiRefusal(status, "HTTP_" + status, "The service answered " + status + ".", Map.of());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> violation && violation.get("field") != null) {
                    // Several rules broken on one field are shown together.
                    fields.merge(String.valueOf(violation.get("field")), String.valueOf(violation.get("message")),
                            (first, second) -> first + "; " + second);
                }
            }
        }
        Object detail = problem.get("detail") != null ? problem.get("detail") : problem.get("title");
        Object code = problem.get("code") != null ? problem.get("code") : "HTTP_" + status;
        return new ApiRefusal(status, String.valueOf(code), String.valueOf(detail), fields);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The message for one field, or null: what a template shows next to that field. */
    public String on(String field) {
        return fieldErrors.get(field);
    }
}
