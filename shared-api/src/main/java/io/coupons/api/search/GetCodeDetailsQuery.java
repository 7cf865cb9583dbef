package io.coupons.api.search;

/**
 * A code's full details, as a search row expands (seed 000): answers {@link CodeDetails}, or null
 * when no such code is known. The code is matched ignoring case and surrounding spaces; typed
 * without the dash after its bulk pool's code, it is found when it can be only one code.
 */
public record GetCodeDetailsQuery(String code) {
}
