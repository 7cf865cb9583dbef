package io.coupons.api.segment;

import io.coupons.api.common.TypedId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a user segment, derived from its name (case-sensitive): admins and the batch form
 * name segments, so one name must lead to exactly one aggregate, and two admins defining
 * {@code Summer} at once meet at the event store's key instead of making two segments. The
 * {@code "segment\n"} prefix keeps it apart from a variant group of the same name.
 */
public record SegmentId(UUID value) implements TypedId {

    public SegmentId {
        Objects.requireNonNull(value, "segment id");
    }

    public static SegmentId of(String name) {
        return new SegmentId(UUID.nameUUIDFromBytes(("segment\n" + name).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
