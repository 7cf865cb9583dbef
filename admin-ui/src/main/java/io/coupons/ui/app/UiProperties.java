package io.coupons.ui.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the UI finds the two sides and how it speaks for the person signed in.
 *
 * @param commandSideUrl base URL of the command side, e.g. {@code http://127.0.0.1:8081}
 * @param querySideUrl   base URL of the query side, e.g. {@code http://127.0.0.1:8082}
 * @param tokenKey       the PKCS#8 PEM RSA private key the UI signs its API tokens with; the sides
 *                       trust the matching public key
 *                       ({@code coupons.security.admin-ui-key})
 * @param tokenLifetime  how long one API token is good for (default 2 minutes)
 * @param projectionWait how long a screen waits for the query side to show a change just made
 *                       (default 10 seconds)
 */
@ConfigurationProperties("coupons.admin-ui")
public record UiProperties(String commandSideUrl, String querySideUrl, Resource tokenKey, Duration tokenLifetime,
                           Duration projectionWait) {

    public UiProperties {
        tokenLifetime = tokenLifetime == null ? Duration.ofMinutes(2) : tokenLifetime;
        projectionWait = projectionWait == null ? Duration.ofSeconds(10) : projectionWait;
    }
}
