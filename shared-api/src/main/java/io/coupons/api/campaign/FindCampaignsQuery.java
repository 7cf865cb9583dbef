package io.coupons.api.campaign;

import io.coupons.api.common.PageRequest;

/**
 * The campaign table, newest first. Answers {@link CampaignPage}. Every filter is optional (null).
 *
 * @param text case-insensitive part of the campaign code or of the linked rule's name
 */
public record FindCampaignsQuery(CampaignType type, CampaignStatus status, String text, PageRequest page) {
}
