package io.coupons.api.campaign;

import io.coupons.api.common.TypedId;
import java.util.Objects;
import java.util.UUID;

/** Identity of a {@code Campaign} aggregate. */
public record CampaignId(UUID value) implements TypedId {

    public CampaignId {
        Objects.requireNonNull(value, "campaign id");
    }

    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID());
    }

    /** Axon uses {@code toString()} as the aggregate identifier. */
    @Override
    public String toString() {
        return value.toString();
    }
}
