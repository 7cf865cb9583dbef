package io.coupons.query.web;

import io.coupons.api.common.PageRequest;
import io.coupons.platform.web.ApiProblemException;

/** Page and size query parameters, refused with a 400 naming the parameter when out of range. */
public final class PagingParameters {

    public static final int DEFAULT_SIZE = 50;

    private PagingParameters() {
    }

    public static PageRequest of(int page, int size) {
        if (page < 0) {
            throw ApiProblemException.badParameter("page", "must be 0 or more");
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw ApiProblemException.badParameter("size", "must be between 1 and " + PageRequest.MAX_SIZE);
        }
        return new PageRequest(page, size);
    }

    /** Optional free-text filter: trimmed, empty means none, bounded length. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 100) {
            throw ApiProblemException.badParameter(name, "must be at most 100 characters");
        }
        return value.strip();
    }
}
