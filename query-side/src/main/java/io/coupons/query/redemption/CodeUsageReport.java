package io.coupons.query.redemption;

import io.coupons.api.campaign.CampaignView;
import io.coupons.api.redemption.CodeUsageView;
import io.coupons.query.campaign.CampaignRows;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** "Usage tracking" of one code: total redemptions, remaining uses, last used, discount given. */
@Component
public class CodeUsageReport {

    private final CodeUsageRows usage;
    private final CodeOrigins origins;
    private final CampaignRows campaigns;

    public CodeUsageReport(CodeUsageRows usage, CodeOrigins origins, CampaignRows campaigns) {
        this.usage = usage;
        this.origins = origins;
        this.campaigns = campaigns;
    }

    /**
     * The usage of the code within its campaign: the one that has the code now, or, for a single code
     * changed away and not claimed since, the campaign it was changed away from (auditors look up an
     * old code to see what it was used for). Another campaign's uses of the same code string are that
     * campaign's. Empty when the code is neither generated, nor a campaign's code, nor ever redeemed.
     */
    Optional<CodeUsageView> find(String code) {
        Optional<CodeOrigins.Origin> origin = origins.of(code);
        if (origin.isPresent()) {
            return Optional.of(view(code, origin.get(), usage.find(code, origin.get().campaignId())));
        }
        // Redeemed, but its campaign not projected yet (another processing group): the latest user's.
        return usage.lastUsed(code).map(counters -> view(code,
                new CodeOrigins.Origin(counters.campaignId(), counters.batchId()), Optional.of(counters)));
    }

    private CodeUsageView view(String code, CodeOrigins.Origin origin, Optional<CodeUsageRows.Counters> counters) {
        Integer usesPerCode = campaigns.find(origin.campaignId()).map(CampaignView::usesPerCode).orElse(null);
        Integer batchNumber = origin.batchId() == null ? null : origins.batchNumber(origin.batchId()).orElse(null);
        long recorded = counters.map(CodeUsageRows.Counters::recorded).orElse(0L);
        long reversals = counters.map(CodeUsageRows.Counters::reversals).orElse(0L);
        long inForce = recorded - reversals;
        Long remaining = usesPerCode == null ? null : Math.max(0, usesPerCode - inForce);
        return new CodeUsageView(code, origin.campaignId(), origin.batchId(), batchNumber, usesPerCode, inForce,
                recorded, reversals, remaining, counters.map(CodeUsageRows.Counters::lastUsedAt).orElse(null),
                counters.isPresent() ? usage.discountGiven(code, origin.campaignId()) : List.of());
    }
}
