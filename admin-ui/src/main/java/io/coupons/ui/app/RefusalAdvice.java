package io.coupons.ui.app;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;

/**
 * A refusal no screen handled itself: shown where the request was made (an alert swapped in by
 * htmx) or as a page, with the API's status and stable code. Screens with forms catch
 * {@link ApiRefusal} themselves and put each field's message next to its field.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before platform's ApiProblemAdvice, which takes any Exception
public class RefusalAdvice {

    @ExceptionHandler(ApiRefusal.class)
    public String refused(ApiRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(refusal.status());
        model.addAttribute("refusal", refusal);
        if (HtmxRequest.isHtmx(request)) {
            // Into the page's alert area, wherever the request meant to swap its answer.
            response.setHeader("HX-Retarget", "#alerts");
            response.setHeader("HX-Reswap", "innerHTML");
            return "fragments/alerts :: refusal";
        }
        return "refused";
    }

    @ExceptionHandler(ResourceAccessException.class)
    public String unreachable(ResourceAccessException e, HttpServletRequest request, HttpServletResponse response,
                              Model model) {
        return refused(new ApiRefusal(503, "SERVICE_UNREACHABLE",
                "The coupon service did not answer; try again in a moment.", java.util.Map.of()), request, response,
                model);
    }
}
