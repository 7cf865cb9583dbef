package io.coupons.ui.app;

import jakarta.servlet.http.HttpServletRequest;

/** What htmx says about a request it makes. */
public final class HtmxRequest {

    private HtmxRequest() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
