package io.coupons.query.redemption;

import io.coupons.api.promo.GetPromoBatchUsageQuery;
import io.coupons.api.promo.PromoBatchUsage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers a promo batch's usage (the REST layer says 404 for batches it does not know). */
@Component
public class PromoUsageQueries {

    private final PromoUsageRows usage;

    public PromoUsageQueries(PromoUsageRows usage) {
        this.usage = usage;
    }

    @QueryHandler
    public PromoBatchUsage handle(GetPromoBatchUsageQuery query) {
        return usage.ofBatch(query.promoBatchId());
    }
}
