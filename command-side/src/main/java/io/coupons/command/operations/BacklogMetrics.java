package io.coupons.command.operations;

import io.coupons.command.batch.GenerationBatches;
import io.coupons.command.redemption.LookupThrottle;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Gauges read from PostgreSQL at each scrape, the same on every instance (a package of its own:
 * it reads two features, and no feature depends on it):
 * {@code coupons_generation_unfinished_runs}, {@code coupons_generation_remaining_codes} (how much
 * the generation workers still have to do) and {@code coupons_throttle_blocked_clients} (accounts
 * and callers blocked for guessing right now).
 */
@Component
class BacklogMetrics implements MeterBinder {

    private final GenerationBatches runs;
    private final LookupThrottle throttle;

    BacklogMetrics(GenerationBatches runs, LookupThrottle throttle) {
        this.runs = runs;
        this.throttle = throttle;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("coupons.generation.unfinished.runs", runs, r -> r.backlog().runs())
                .description("Generation runs not finished yet").register(registry);
        Gauge.builder("coupons.generation.remaining.codes", runs, r -> r.backlog().codes())
                .description("Codes the unfinished runs still have to generate").register(registry);
        Gauge.builder("coupons.throttle.blocked.clients", throttle, LookupThrottle::blockedNow)
                .description("Accounts and callers blocked for unknown codes right now").register(registry);
    }
}
