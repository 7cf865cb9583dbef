package io.coupons.api.common;

/** One input field that broke a rule, named as the client sent it (e.g. {@code terms.percentOff}). */
public record FieldViolation(String field, String message) {
}
