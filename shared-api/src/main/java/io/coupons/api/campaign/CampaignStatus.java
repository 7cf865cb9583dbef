package io.coupons.api.campaign;

/** Where a campaign stands at the moment it is read: time-based states are derived, not stored. */
public enum CampaignStatus {
    SCHEDULED,
    ACTIVE,
    EXPIRED,
    ARCHIVED
}
