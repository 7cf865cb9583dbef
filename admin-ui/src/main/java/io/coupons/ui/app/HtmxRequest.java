package io.coupons.ui.app;

import jakarta.servlet.http.HttpServletRequest;

/** What htmx (or the browser) says about a request it makes. */
public final class HtmxRequest {

    private HtmxRequest() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /**
     * Whether a refusal should be shown as HTML (htmx, or a browser's navigation); anything else
     * gets the API's problem body ({@code RefusalAdvice}).
     */
    public static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return isHtmx(request) || (accept != null && accept.contains("text/html"));
    }
}
