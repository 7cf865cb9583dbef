package io.coupons.command.redemption;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redemption settings ({@code coupons.redemption.*}).
 *
 * @param maxCodesPerOrder     codes an order may hold that do not ignore the order code limit
 * @param creditsEnabled       whether "credit from overage" turns unused flat discount into credit
 * @param unknownCodeLimit     unknown-code lookups an account may make per window before it waits
 * @param unknownCodeWindow    the window those misses are counted in, and how long an account waits
 * @param callerMissLimit      unknown-code lookups one authenticated caller (a whole checkout, all its
 *                             shoppers together) may make per window before every lookup it makes waits
 * @param callerMissWindow     the window the caller's misses are counted in, and how long it waits
 */
@ConfigurationProperties("coupons.redemption")
public record RedemptionProperties(Integer maxCodesPerOrder, Boolean creditsEnabled, Integer unknownCodeLimit,
                                   Duration unknownCodeWindow, Integer callerMissLimit, Duration callerMissWindow) {

    public RedemptionProperties {
        maxCodesPerOrder = maxCodesPerOrder == null ? 1 : maxCodesPerOrder;
        creditsEnabled = creditsEnabled == null || creditsEnabled;
        unknownCodeLimit = unknownCodeLimit == null ? 10 : unknownCodeLimit;
        unknownCodeWindow = unknownCodeWindow == null ? Duration.ofMinutes(15) : unknownCodeWindow;
        callerMissLimit = callerMissLimit == null ? 500 : callerMissLimit;
        callerMissWindow = callerMissWindow == null ? Duration.ofMinutes(15) : callerMissWindow;
    }
}
