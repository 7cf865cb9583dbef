package io.coupons.command.campaign;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** Unguessable link tokens: 128 bits from a cryptographic source, URL-safe (22 characters). */
@Component
public class UrlTokens {

    private static final int BYTES = 16;
    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
