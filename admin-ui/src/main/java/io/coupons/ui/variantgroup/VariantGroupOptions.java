package io.coupons.ui.variantgroup;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Names of defined variant groups, for the terms form's Promo Variant Targeting Group suggestions
 * (its input has {@code list="variant-group-options"}). Suggestions only: the field stays free text,
 * and whether a rule may name the group is the API's to say.
 */
@Component
public class VariantGroupOptions {

    static final int SUGGESTIONS = 50;

    private final Api api;

    public VariantGroupOptions(Api api) {
        this.api = api;
    }

    /** Up to {@value #SUGGESTIONS} names in name order containing {@code q} (any case; null: all). */
    @SuppressWarnings("unchecked")
    public List<String> names(String q) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("size", SUGGESTIONS);
        try {
            List<Map<String, Object>> items =
                    (List<Map<String, Object>>) api.queryObject("/api/variant-groups", parameters).get("items");
            return items.stream().map(item -> String.valueOf(item.get("name"))).toList();
        } catch (ApiRefusal unavailable) {
            // A form without suggestions is still a form: the admin can type the name.
            return List.of();
        }
    }
}
