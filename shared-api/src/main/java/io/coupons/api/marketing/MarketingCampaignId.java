package io.coupons.api.marketing;

import io.coupons.api.common.TypedId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a marketing campaign, derived from its name (exact, case-sensitive): rules name
 * marketing campaigns in {@code terms.marketingCampaign}, so one name must lead to exactly one
 * aggregate, and two admins defining {@code Spring launch} at once meet at the event store's key.
 * The {@code "marketing-campaign\n"} prefix keeps it apart from a segment or a variant group of the
 * same name.
 */
public record MarketingCampaignId(UUID value) implements TypedId {

    public MarketingCampaignId {
        Objects.requireNonNull(value, "marketing campaign id");
    }

    public static MarketingCampaignId of(String name) {
        return new MarketingCampaignId(
                UUID.nameUUIDFromBytes(("marketing-campaign\n" + name).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
