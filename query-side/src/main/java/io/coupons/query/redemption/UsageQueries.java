package io.coupons.query.redemption;

import io.coupons.api.code.CouponCode;
import io.coupons.api.redemption.CodeUsageView;
import io.coupons.api.redemption.FindCodeRedemptionsQuery;
import io.coupons.api.redemption.GetBatchUsageQuery;
import io.coupons.api.redemption.GetCampaignUsageQuery;
import io.coupons.api.redemption.GetCodeUsageQuery;
import io.coupons.api.redemption.RedemptionPage;
import io.coupons.api.redemption.ResolveUrlTokenQuery;
import io.coupons.api.redemption.UrlTokenOffer;
import io.coupons.api.redemption.UsageStatistics;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the shared-api usage queries (for REST and for other Axon services). Codes arrive as
 * people type them; one that cannot be a code is simply unknown here (the REST layer says 400).
 */
@Component
public class UsageQueries {

    private final CodeUsageReport codeUsage;
    private final RedemptionRows redemptions;
    private final CodeUsageRows counters;
    private final UsageStatisticsReport statistics;
    private final UrlTokenOffers offers;
    private final PromoUsageRows promoCounters;

    public UsageQueries(CodeUsageReport codeUsage, RedemptionRows redemptions, CodeUsageRows counters,
                        UsageStatisticsReport statistics, UrlTokenOffers offers, PromoUsageRows promoCounters) {
        this.promoCounters = promoCounters;
        this.codeUsage = codeUsage;
        this.redemptions = redemptions;
        this.counters = counters;
        this.statistics = statistics;
        this.offers = offers;
    }

    @QueryHandler
    public Optional<CodeUsageView> handle(GetCodeUsageQuery query) {
        return CouponCode.parseWellFormed(query.code()).map(CouponCode::value).flatMap(codeUsage::find);
    }

    /**
     * Every redemption of the code string, whichever campaign (or promo batch) had it (each row names it):
     * auditors follow a code through its owners. The total is the code's counters, written with its
     * rows (one per campaign): no count(*) over a busy code's history.
     */
    @QueryHandler
    public RedemptionPage handle(FindCodeRedemptionsQuery query) {
        return CouponCode.parseWellFormed(query.code()).map(CouponCode::value)
                .map(code -> new RedemptionPage(redemptions.page(code, query.page()),
                        counters.recordedInAnyCampaign(code) + promoCounters.recorded(code), query.page().page(),
                        query.page().size()))
                .orElseGet(() -> new RedemptionPage(List.of(), 0, query.page().page(), query.page().size()));
    }

    @QueryHandler
    public Optional<UsageStatistics> handle(GetCampaignUsageQuery query) {
        return statistics.ofCampaign(query.campaignId());
    }

    @QueryHandler
    public Optional<UsageStatistics> handle(GetBatchUsageQuery query) {
        return statistics.ofBatch(query.batchId());
    }

    @QueryHandler
    public Optional<UrlTokenOffer> handle(ResolveUrlTokenQuery query) {
        return query.token() == null ? Optional.empty() : offers.resolve(query.token());
    }
}
