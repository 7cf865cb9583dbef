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
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            // Printable ASCII, as payment APIs' keys are: a header's other bytes arrive decoded as
            // ISO-8859-1 by some servers and UTF-8 by others, so "the same key" would not be.
            throw ApiProblemException.badParameter(HEADER, "must be 1 to " + MAX_LENGTH
                    + " printable ASCII characters (no spaces)");
        }
        String caller = SecurityContextHolder.getContext().getAuthentication().getName();
        return UUID.nameUUIDFromBytes((kind + '\n' + caller + '\n' + key).getBytes(StandardCharsets.UTF_8));
    }
}
