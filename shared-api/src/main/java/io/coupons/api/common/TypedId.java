package io.coupons.api.common;

import java.util.UUID;

/** An aggregate identity. A creation command handled by an aggregate constructor answers one. */
public interface TypedId {

    UUID value();
}
