package io.coupons.command.redemption;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redemption settings ({@code coupons.redemption.*}).
 *
 * @param maxCodesPerOrder     codes an order may hold that do not ignore the order code limit
 * @param creditsEnabled       whether "credit from overage" turns unused flat discount into credit
 * @param unknownCodeLimit     unknown-code lookups a client may make per window before it waits
 * @param unknownCodeWindow    the window those misses are counted in, and how long a client waits
 */
@ConfigurationProperties("coupons.redemption")
public record RedemptionProperties(Integer maxCodesPerOrder, Boolean creditsEnabled, Integer unknownCodeLimit,
                                   Duration unknownCodeWindow) {

    public RedemptionProperties {
        maxCodesPerOrder = maxCodesPerOrder == null ? 1 : maxCodesPerOrder;
        creditsEnabled = creditsEnabled == null || creditsEnabled;
        unknownCodeLimit = unknownCodeLimit == null ? 10 : unknownCodeLimit;
        unknownCodeWindow = unknownCodeWindow == null ? Duration.ofMinutes(15) : unknownCodeWindow;
    }
}
