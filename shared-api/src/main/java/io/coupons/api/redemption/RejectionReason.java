package io.coupons.api.redemption;

/** Why a code was refused: stable codes a checkout can switch on (BRIEF §2, "Redemption"). */
public enum RejectionReason {
    UNKNOWN_CODE,
    DISABLED,
    ARCHIVED,
    DELETED,
    NOT_STARTED,
    EXPIRED,
    EXHAUSTED,
    ALREADY_USED_BY_ACCOUNT,
    NOT_FIRST_ORDER,
    BELOW_MINIMUM,
    NO_ELIGIBLE_ITEMS,
    NOT_STACKABLE,
    WRONG_ACCOUNT,
    /** Not a decision about the code: the caller missed too often and must wait (HTTP 429). */
    TOO_MANY_ATTEMPTS
}
