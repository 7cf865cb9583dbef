package io.coupons.api.batch;

import io.coupons.api.common.TypedId;
import java.util.Objects;
import java.util.UUID;

/** Identity of one generation run (a batch) of a bulk-pool campaign. */
public record BatchId(UUID value) implements TypedId {

    public BatchId {
        Objects.requireNonNull(value, "batch id");
    }

    public static BatchId random() {
        return new BatchId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
