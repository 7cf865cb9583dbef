package io.coupons.api.campaign;

public enum CampaignType {
    /** One code shared publicly (WELCOME15): the campaign code is the coupon code. */
    SINGLE_CODE,
    /** Many unique generated codes, each {@code CAMPAIGNCODE-RANDOM}. */
    BULK_POOL,
    /** Auto-applied through a link carrying an unguessable token. */
    URL_TOKEN
}
