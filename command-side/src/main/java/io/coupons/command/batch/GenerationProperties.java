package io.coupons.command.batch;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param chunkSize           codes per chunk: one short transaction and one event of bounded size
 *                            (10,000 codes of 6 random characters make an event of about 60 KB,
 *                            far under Axon Server's 4 MB; readers of the stream buffer up to a
 *                            thousand events, so the event's size is also their memory)
 * @param maxFill             share of a prefix's key space the pool may fill (see code.KeySpacePolicy)
 * @param defaultRandomLength random part length when a request does not say
 * @param pollInterval        how often unfinished runs are looked for (after a crash, on another node)
 * @param maxFailures         failed chunk attempts in a row before a run is marked failed
 */
@ConfigurationProperties("coupons.generation")
public record GenerationProperties(Integer chunkSize, BigDecimal maxFill, Integer defaultRandomLength,
                                   Duration pollInterval, Integer maxFailures) {

    public GenerationProperties {
        chunkSize = chunkSize == null ? 10_000 : chunkSize;
        maxFill = maxFill == null ? new BigDecimal("0.01") : maxFill;
        defaultRandomLength = defaultRandomLength == null ? 6 : defaultRandomLength;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        maxFailures = maxFailures == null ? 5 : maxFailures;
    }
}
