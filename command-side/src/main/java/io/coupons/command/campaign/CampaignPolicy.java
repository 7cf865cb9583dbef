package io.coupons.command.campaign;

import io.coupons.command.common.Instants;
import io.coupons.command.common.Violations;
import java.time.Instant;

/** The shared settings of a campaign: usage limit and schedule. */
final class CampaignPolicy {

    static final int MAX_USES_PER_CODE = 1_000_000_000;

    private CampaignPolicy() {
    }

    static void checkUsesPerCode(Violations violations, Integer usesPerCode) {
        violations.addIf(usesPerCode != null && (usesPerCode < 1 || usesPerCode > MAX_USES_PER_CODE),
                "usesPerCode", "must be between 1 and " + MAX_USES_PER_CODE + "; leave it out for unlimited");
    }

    static void checkSchedule(Violations violations, Instant startsAt, Instant expiresAt, Instant now) {
        Instants.check(violations, "startsAt", startsAt);
        Instants.check(violations, "expiresAt", expiresAt);
        if (expiresAt == null || !Instants.supported(startsAt) || !Instants.supported(expiresAt)) {
            return;
        }
        violations.addIf(startsAt != null && !expiresAt.isAfter(startsAt), "expiresAt", "must be after startsAt");
        violations.addIf(!expiresAt.isAfter(now), "expiresAt", "must be in the future");
    }
}
