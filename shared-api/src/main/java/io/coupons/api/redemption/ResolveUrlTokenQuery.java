package io.coupons.api.redemption;

/** What a URL token gives, for auto-apply. Answers {@link UrlTokenOffer}, or {@code null} when unknown. */
public record ResolveUrlTokenQuery(String token) {
}
