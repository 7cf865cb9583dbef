package io.coupons.platform.web;

import io.coupons.api.common.FieldViolation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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

    private final JsonMapper jsonMapper;

    public ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

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
     * A problem body as JSON text, for Tomcat's error valve, which runs outside Spring. The texts are
     * ours (status, code, fixed words), so escaping quotes and backslashes is all they need.
     */
    public static String json(HttpStatus status, String code, String detail) {
        return "{\"type\":\"" + typeOf(code) + "\",\"title\":\"" + escape(status.getReasonPhrase())
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + escape(detail) + "\",\"code\":\""
                + escape(code) + "\"}";
    }

    private static String typeOf(String code) {
        return "urn:coupons:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** For filters, where no message converter runs. */
    public void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetail problem = problem(status, code, detail, List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), body);
    }
}
