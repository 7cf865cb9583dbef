package io.coupons.ui.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal no screen handled itself, with the API's status and stable code: an alert swapped in by
 * htmx where the request was made, a page for a browser's navigation, and the API's own problem
 * body for anything else (a script, a test, a client that does not ask for HTML). Screens with forms
 * catch {@link ApiRefusal} themselves and put each field's message next to its field.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before platform's ApiProblemAdvice, which takes any Exception
public class RefusalAdvice {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ExceptionHandler(ApiRefusal.class)
    public ModelAndView refused(ApiRefusal refusal, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(refusal.status());
        if (HtmxRequest.isHtmx(request)) {
            // Into the page's alert area, wherever the request meant to swap its answer.
            response.setHeader("HX-Retarget", "#alerts");
            response.setHeader("HX-Reswap", "innerHTML");
            return new ModelAndView("fragments/alerts :: refusal", Map.of("refusal", refusal));
        }
        if (HtmxRequest.wantsHtml(request)) {
            return new ModelAndView("refused", Map.of("refusal", refusal));
        }
        return new ModelAndView((model, servletRequest, servletResponse) -> {
            servletResponse.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            servletResponse.getOutputStream().write(JSON.writeValueAsBytes(problem(refusal)));
        });
    }

    /** The API's problem body as the API gave it: status, stable code, words, the fields at fault. */
    static Map<String, Object> problem(ApiRefusal refusal) {
        HttpStatus status = HttpStatus.valueOf(refusal.status());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:coupons:problem:" + refusal.code().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", refusal.detail());
        body.put("code", refusal.code());
        if (!refusal.fieldErrors().isEmpty()) {
            body.put("errors", refusal.fieldErrors().entrySet().stream()
                    .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList());
        }
        return body;
    }

    @ExceptionHandler(ResourceAccessException.class)
    public ModelAndView unreachable(ResourceAccessException e, HttpServletRequest request,
                                    HttpServletResponse response) {
        return refused(new ApiRefusal(503, "SERVICE_UNREACHABLE",
                "The coupon service did not answer; try again in a moment.", Map.of()), request, response);
    }
}
