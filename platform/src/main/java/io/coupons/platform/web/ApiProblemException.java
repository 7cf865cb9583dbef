package io.coupons.platform.web;

import io.coupons.api.common.FieldViolation;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal the web layer raises itself (bad parameter, unknown id); answered as a problem body. */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldViolation> violations;

    public ApiProblemException(HttpStatus status, String code, String message, List<FieldViolation> violations) {
        super(message);
        this.status = status;
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static ApiProblemException notFound(String what, Object id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND", "No " + what + " with id " + id + ".",
                List.of());
    }

    public static ApiProblemException badParameter(String parameter, String message) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", parameter + ": " + message,
                List.of(new FieldViolation(parameter, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
