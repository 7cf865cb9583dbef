package io.coupons.query.redemption;

import io.coupons.api.redemption.CurrencyAmount;
import io.coupons.api.redemption.DailyUsage;
import io.coupons.api.redemption.UsageStatistics;
import io.coupons.query.campaign.CampaignRows;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Campaign and batch usage: totals and the same per UTC day, added up from the daily rows. */
@Component
public class UsageStatisticsReport {

    private final DailyUsageRows days;
    private final CodeUsageRows codes;
    private final CodeOrigins origins;
    private final CampaignRows campaigns;

    public UsageStatisticsReport(DailyUsageRows days, CodeUsageRows codes, CodeOrigins origins,
                                 CampaignRows campaigns) {
        this.days = days;
        this.codes = codes;
        this.origins = origins;
        this.campaigns = campaigns;
    }

    /** Empty when the campaign is unknown: neither projected nor ever redeemed. */
    Optional<UsageStatistics> ofCampaign(UUID campaignId) {
        if (campaigns.find(campaignId).isEmpty() && !days.any(campaignId)) {
            return Optional.empty();
        }
        return Optional.of(statistics(campaignId, null));
    }

    /** Empty when the batch is unknown to the generation history. */
    Optional<UsageStatistics> ofBatch(UUID batchId) {
        return origins.campaignOfBatch(batchId).map(campaignId -> statistics(campaignId, batchId));
    }

    private UsageStatistics statistics(UUID campaignId, UUID batchId) {
        List<DailyUsage> daily = days.days(campaignId, batchId);
        long recorded = daily.stream().mapToLong(DailyUsage::redemptions).sum();
        long reversals = daily.stream().mapToLong(DailyUsage::reversals).sum();
        Map<String, BigDecimal> discount = new TreeMap<>();
        daily.forEach(day -> discount.merge(day.currency(), day.discountGiven(), BigDecimal::add));
        return new UsageStatistics(campaignId, batchId, codes.codesRedeemed(campaignId, batchId),
                recorded - reversals, reversals,
                discount.entrySet().stream().map(e -> new CurrencyAmount(e.getKey(), e.getValue())).toList(), daily);
    }
}
