package io.coupons.platform.web;

import io.coupons.api.common.FieldViolation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies with a stable {@code code} and, where fields are at fault, an
 * {@code errors} list naming each one. One shape for MVC handlers and for security filters.
 */
@Component
public class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail,
                                        List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(typeOf(code)));
        problem.setProperty("code", code);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    /** What the firewall's refusals say, whichever way they reach us. */
    public static final String REJECTED_REQUEST = "The request holds characters or sequences that are not accepted "
            + "(an encoded slash, percent sign or dot, a semicolon, a double slash, a control character, or a "
            + "parameter name that is not printable text).";

    /** The words for a refusal that only has a status (Tomcat's, the firewall's, a servlet's). */
    public static String describe(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request cannot be read: its path, parameters or body are malformed.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method.";
            case NOT_ACCEPTABLE -> "The answer cannot be given in the media type asked for.";
            case PAYLOAD_TOO_LARGE -> "The body is too large.";
            case URI_TOO_LONG -> "The address is too long.";
            case UNSUPPORTED_MEDIA_TYPE -> "The body's content type is not one this address takes.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large.";
            default -> status.getReasonPhrase() + ".";
        };
    }

    /**
     * The code of a refusal that only has a status (Tomcat's, the firewall's, Spring's own): the
     * status's name, and {@code INTERNAL_ERROR} for any 5xx, as {@link ApiProblemAdvice} answers it.
     */
    public static String codeFor(HttpStatus status) {
        return status.is5xxServerError() ? "INTERNAL_ERROR" : status.name();
    }

    /**
     * A problem body without field violations as JSON text: for filters and for Tomcat's error
     * valve, where no message converter runs (the valve runs outside Spring, hence static).
     */
    public static String json(HttpStatus status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeOf(code));
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("code", code);
        return JSON.writeValueAsString(body);
    }

    private static String typeOf(String code) {
        return "urn:coupons:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** For filters, where no message converter runs. */
    public void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json(status, code, detail).getBytes(StandardCharsets.UTF_8));
    }
}
