package io.coupons.command.web;

import io.coupons.platform.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Safe retries of creations. A client that sends an {@code Idempotency-Key} header gets an id
 * derived from (kind, caller, key): sending the same creation again targets the same aggregate,
 * and the command side answers the first result instead of creating a second resource.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {
    }

    public static UUID idFor(String kind, String key, Supplier<UUID> fresh) {
        if (key == null) {
            return fresh.get();
        }
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw ApiProblemException.badParameter(HEADER, "must be 1 to " + MAX_LENGTH + " characters");
        }
        String caller = SecurityContextHolder.getContext().getAuthentication().getName();
        return UUID.nameUUIDFromBytes((kind + '\n' + caller + '\n' + key).getBytes(StandardCharsets.UTF_8));
    }
}
