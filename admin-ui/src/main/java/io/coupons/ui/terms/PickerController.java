package io.coupons.ui.terms;

import io.coupons.ui.app.Api;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Search-as-you-type suggestions for the terms form: the Marketing Campaign picker (seed 003:
 * "search for a marketing campaign to associate the promo codes"), as {@code <option>}s of a
 * {@code <datalist>}.
 */
@Controller
public class PickerController {

    private final Api api;

    public PickerController(Api api) {
        this.api = api;
    }

    @GetMapping("/pickers/marketing-campaigns")
    public String marketingCampaigns(@RequestParam(name = "terms.marketingCampaign", required = false) String q,
                                     Model model) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("size", 20);
        model.addAttribute("page", api.queryObject("/api/marketing-campaigns", parameters));
        return "fragments/terms :: marketingCampaignOptions";
    }
}
