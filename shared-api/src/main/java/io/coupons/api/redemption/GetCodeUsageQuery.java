package io.coupons.api.redemption;

/**
 * Usage of one code (seed 000 "Usage tracking"), case-insensitive. Answers {@link CodeUsageView},
 * or {@code null} when no such code is known to the query side.
 */
public record GetCodeUsageQuery(String code) {
}
