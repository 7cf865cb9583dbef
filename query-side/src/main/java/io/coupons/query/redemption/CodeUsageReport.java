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

    /** Empty when the code is neither generated, nor a campaign's code, nor ever redeemed. */
    Optional<CodeUsageView> find(String code) {
        Optional<CodeUsageRows.Counters> counters = usage.find(code);
        Optional<CodeOrigins.Origin> origin = counters
                .map(c -> new CodeOrigins.Origin(c.campaignId(), c.batchId()))
                .or(() -> origins.of(code));
        return origin.map(o -> view(code, o, counters));
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
                counters.isPresent() ? usage.discountGiven(code) : List.of());
    }
}
