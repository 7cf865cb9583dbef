package io.coupons.api.promo;

/** Seed 003's "Select Generation Method". */
public enum GenerationMethod {
    /** As many codes as the "Number of Codes" field says, bound to nobody. */
    NUMBER_OF_CODES,
    /** One code per member of the target user segment as it is at that moment, bound to that account. */
    TARGET_USER_SEGMENT
}
