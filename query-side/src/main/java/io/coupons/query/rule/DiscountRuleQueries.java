package io.coupons.query.rule;

import io.coupons.api.rule.DiscountRulePage;
import io.coupons.api.rule.DiscountRuleView;
import io.coupons.api.rule.FindDiscountRulesQuery;
import io.coupons.api.rule.GetDiscountRuleQuery;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the shared-api discount rule queries (for REST and for other Axon services). */
@Component
public class DiscountRuleQueries {

    private final DiscountRuleRows rows;

    public DiscountRuleQueries(DiscountRuleRows rows) {
        this.rows = rows;
    }

    @QueryHandler
    public DiscountRulePage handle(FindDiscountRulesQuery query) {
        return rows.find(query);
    }

    @QueryHandler
    public Optional<DiscountRuleView> handle(GetDiscountRuleQuery query) {
        return rows.find(query.ruleId());
    }
}
