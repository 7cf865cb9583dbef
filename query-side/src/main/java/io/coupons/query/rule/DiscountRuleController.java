package io.coupons.query.rule;

import io.coupons.api.rule.DiscountRulePage;
import io.coupons.api.rule.DiscountRuleView;
import io.coupons.api.rule.FindDiscountRulesQuery;
import io.coupons.api.rule.GetDiscountRuleQuery;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.query.web.PagingParameters;
import io.coupons.query.web.QuerySender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/discount-rules")
@Tag(name = "Discount rules")
public class DiscountRuleController {

    private final QuerySender queries;

    public DiscountRuleController(QuerySender queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List discount rules, newest first")
    public DiscountRulePage list(@RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "false") boolean includeRetired,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "" + PagingParameters.DEFAULT_SIZE) int size) {
        return queries.one(new FindDiscountRulesQuery(PagingParameters.text("q", q), includeRetired,
                PagingParameters.of(page, size)), DiscountRulePage.class);
    }

    @GetMapping("/{ruleId}")
    @Operation(summary = "One discount rule", description = "404 until the rule's first event is projected.")
    public DiscountRuleView get(@PathVariable UUID ruleId) {
        return queries.optional(new GetDiscountRuleQuery(ruleId), DiscountRuleView.class)
                .orElseThrow(() -> ApiProblemException.notFound("discount rule", ruleId));
    }
}
