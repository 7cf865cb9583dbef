package io.coupons.query.variantgroup;

import io.coupons.api.variantgroup.FindVariantGroupsQuery;
import io.coupons.api.variantgroup.GetVariantGroupQuery;
import io.coupons.api.variantgroup.VariantGroupPage;
import io.coupons.api.variantgroup.VariantGroupView;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the shared-api variant group queries (for REST and for other Axon services). */
@Component
public class VariantGroupQueries {

    private final VariantGroupRows rows;

    public VariantGroupQueries(VariantGroupRows rows) {
        this.rows = rows;
    }

    @QueryHandler
    public VariantGroupPage handle(FindVariantGroupsQuery query) {
        return rows.find(query.nameContains(), query.page());
    }

    @QueryHandler
    public Optional<VariantGroupView> handle(GetVariantGroupQuery query) {
        return rows.find(query.variantGroupId());
    }
}
