package io.coupons.command.redemption;

import io.coupons.api.redemption.RedemptionDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Redemptions and validations by outcome ({@code coupons_redemptions_total{kind, outcome}} on
 * /actuator/prometheus): accepted, repeated, or the refusal's reason, so a dashboard shows a
 * flash sale's EXHAUSTED wave or a guesser's UNKNOWN_CODE / TOO_MANY_ATTEMPTS apart.
 */
@Component
class RedemptionMetrics {

    private final MeterRegistry registry;

    RedemptionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    RedemptionDecision count(RedemptionDecision decision, boolean redeem) {
        String outcome = decision.accepted() ? (decision.repeated() ? "REPEATED" : "ACCEPTED") : decision.reason().name();
        Counter.builder("coupons.redemptions").description("Redemptions and validations by outcome")
                .tag("kind", redeem ? "redeem" : "validate").tag("outcome", outcome)
                .register(registry).increment();
        return decision;
    }
}
