package io.coupons.api.search;

/**
 * A code's full details, as a search row expands (seed 000): answers {@link CodeDetails}, or null
 * when no such code is known. The code is matched exactly, ignoring case and surrounding spaces.
 */
public record GetCodeDetailsQuery(String code) {
}
