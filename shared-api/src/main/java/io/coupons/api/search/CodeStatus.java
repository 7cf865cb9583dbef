package io.coupons.api.search;

/**
 * Whether a code would work at checkout now, as support sees it. Derived when read, first match wins
 * in this order: a code that is both archived and used up is ARCHIVED.
 */
public enum CodeStatus {
    /** No longer the campaign's code (a single code changed to another); kept for its history. */
    DELETED,
    ARCHIVED,
    /** The campaign has not started yet. */
    SCHEDULED,
    EXPIRED,
    /** The campaign has no discount rule, so checkout refuses the code. */
    DISABLED,
    /** Every use the campaign allows per code is taken (reversals give uses back). */
    EXHAUSTED,
    ACTIVE
}
