/**
 * The code space: every code of every kind (a single-code or URL-token campaign's code, a bulk
 * pool's prefix and generated codes, later promo codes) is unique across all of them, so the
 * registries that make it so live here, and so do the rules that say which codes can be drawn.
 * Campaigns claim their codes here and batches reserve theirs: both depend on this package, and it
 * on neither (campaign → code ← batch).
 *
 * <ul>
 *   <li>{@link io.coupons.command.code.CouponCodes}: {@code coupon_code}, every redeemable code.</li>
 *   <li>{@link io.coupons.command.code.CampaignCodeRegistry}: {@code campaign_code_registry}, every
 *       campaign's own code (pool prefixes included, archived campaigns' kept).</li>
 *   <li>{@link io.coupons.command.code.CodeAlphabet} and {@link io.coupons.command.code.KeySpacePolicy}:
 *       the symbols of a random part and how full its key space may get.</li>
 * </ul>
 */
package io.coupons.command.code;
