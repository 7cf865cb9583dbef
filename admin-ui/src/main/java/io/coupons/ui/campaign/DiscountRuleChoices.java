package io.coupons.ui.campaign;

import io.coupons.ui.app.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The Linked Discount select's options: the rules a campaign may link, newest first, as the query
 * side lists them without the retired ones (the command side refuses a link to a retired rule).
 */
@Component
class DiscountRuleChoices {

    /** The query side's largest page; a shop with more live rules sees the newest 200. */
    static final int MOST = 200;

    private final Api api;

    DiscountRuleChoices(Api api) {
        this.api = api;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> linkable() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("size", MOST);
        Object items = api.queryObject("/api/discount-rules", parameters).get("items");
        return items instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /**
     * The linkable rules plus the one a campaign is linked to now, even when it is retired or older
     * than the newest 200, so the Edit modal's select shows the link as it is.
     */
    List<Map<String, Object>> linkableAnd(Object currentRuleId, Object currentRuleName) {
        List<Map<String, Object>> rules = new ArrayList<>(linkable());
        if (currentRuleId != null && rules.stream().noneMatch(r -> Objects.equals(r.get("id"), currentRuleId))) {
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("id", currentRuleId);
            current.put("name", currentRuleName == null ? currentRuleId : currentRuleName);
            rules.add(0, current);
        }
        return rules;
    }
}
