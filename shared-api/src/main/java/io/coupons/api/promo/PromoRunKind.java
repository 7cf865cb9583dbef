package io.coupons.api.promo;

/** How a generation run of a promo batch came about. */
public enum PromoRunKind {
    /** Run 1: the batch's creation (Number of Codes or Target User Segment). */
    GENERATE,
    /** Clone of one code: as many new codes with that code's exact rules. */
    CLONE
}
