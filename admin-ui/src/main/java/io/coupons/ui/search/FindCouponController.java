package io.coupons.ui.search;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.app.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Find Coupon (seed 000): the top bar's search opens the results modal, 50 codes at a time in code
 * order from the query side's {@code GET /api/codes}; "Load more" appends the next page (the
 * API's opaque {@code nextCursor}); a row expands into the code's details, fetched when opened.
 * Opened without htmx (a new tab, a bookmark) the same address is a page of its own.
 */
@Controller
public class FindCouponController {

    /** Rows per page: the seed's "up to 50 matching codes at a time". */
    static final int PAGE_SIZE = 50;

    private final Api api;

    public FindCouponController(Api api) {
        this.api = api;
    }

    @GetMapping("/find")
    public String find(@RequestParam(required = false) String search, @RequestParam(required = false) String cursor,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("search", search);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("search", search);
        parameters.put("cursor", cursor);
        parameters.put("size", PAGE_SIZE);
        boolean more = cursor != null && !cursor.isBlank();
        try {
            model.addAttribute("page", api.queryObject("/api/codes", parameters));
        } catch (ApiRefusal refusal) {
            if (more || refusal.status() >= 500 || refusal.status() == 401 || refusal.status() == 403) {
                // Load more that fails: the rows shown stay, the alert says why.
                throw refusal;
            }
            // A search the API refuses (too long, characters no code has): its words in the modal.
            response.setStatus(422);
            model.addAttribute("refusal", refusal);
        }
        if (!HtmxRequest.isHtmx(request)) {
            return "search/find-page";
        }
        return more ? "search/find :: more" : "search/find :: modal";
    }

    /** A row's expansion: everything the API knows about the code. */
    @GetMapping("/find/codes/{code}")
    public String details(@PathVariable String code, HttpServletRequest request, Model model) {
        Map<String, Object> details = api.queryObject("/api/codes/{code}", code);
        model.addAttribute("d", details);
        model.addAttribute("ruleTerms", TermsLines.of(nested(details, "ruleInForce", "terms")));
        model.addAttribute("promoTerms", TermsLines.of(nested(details, "promoCode", "terms")));
        model.addAttribute("newest", newestRedemption(details));
        model.addAttribute("refreshRow", HtmxRequest.isHtmx(request));
        return HtmxRequest.isHtmx(request) ? "search/details :: details" : "search/details-page";
    }

    /** The newest redemption (the API lists them newest first): the seed's "used at, used by, order number". */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> newestRedemption(Map<String, Object> details) {
        if (details.get("redemptions") instanceof List<?> redemptions && !redemptions.isEmpty()) {
            return (Map<String, Object>) redemptions.get(0);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> details, String part, String field) {
        if (details.get(part) instanceof Map<?, ?> map && map.get(field) instanceof Map<?, ?> inner) {
            return (Map<String, Object>) inner;
        }
        return null;
    }
}
