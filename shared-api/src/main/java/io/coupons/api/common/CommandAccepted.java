package io.coupons.api.common;

import java.util.UUID;

/**
 * What a command answers: the id of the aggregate it created or changed and that aggregate's
 * version (sequence number of its last event). A client that wants to read its own write polls the
 * query side until the view's {@code version} is at least this one.
 */
public record CommandAccepted(UUID id, long version) {
}
