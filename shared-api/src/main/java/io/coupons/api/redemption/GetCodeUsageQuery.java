package io.coupons.api.redemption;

/**
 * Usage of one code (seed 000 "Usage tracking") within its campaign, case-insensitive: the campaign
 * that has the code, or, for a single code changed away and not claimed since, the one it was changed
 * away from (uses of the same code string by another campaign are not counted). Answers
 * {@link CodeUsageView}, or {@code null} when no such code is known to the query side.
 */
public record GetCodeUsageQuery(String code) {
}
