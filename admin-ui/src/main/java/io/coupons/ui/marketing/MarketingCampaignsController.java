package io.coupons.ui.marketing;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.app.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Marketing campaigns, reached from the Discount Rules tab: a rule's Marketing Campaign picker
 * accepts only defined ones, so admins define them here (name, description) and change their
 * description. {@code PUT /api/marketing-campaigns/{name}} does both.
 */
@Controller
public class MarketingCampaignsController {

    static final int PAGE_SIZE = 25;
    static final String CHANGED = "marketingCampaignsChanged";

    private final Api api;

    public MarketingCampaignsController(Api api) {
        this.api = api;
    }

    @GetMapping("/marketing-campaigns")
    public String page(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        table(q, page, model);
        return "marketing/marketing-campaigns";
    }

    @GetMapping("/marketing-campaigns/table")
    public String table(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                        Model model) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        model.addAttribute("q", q);
        model.addAttribute("campaigns", api.queryPage("/api/marketing-campaigns", filters, page, PAGE_SIZE));
        return "marketing/marketing-campaigns :: table";
    }

    @GetMapping("/marketing-campaigns/new")
    public String newCampaign(HttpServletRequest request, Model model) {
        if (!HtmxRequest.isHtmx(request)) {
            return "redirect:/marketing-campaigns";
        }
        return form(false, Map.of(), null, model);
    }

    /** Describe: the same form with the name fixed (it is the identity rules refer to). */
    @GetMapping("/marketing-campaigns/{marketingCampaignId}/edit")
    public String edit(@PathVariable UUID marketingCampaignId, HttpServletRequest request, Model model) {
        if (!HtmxRequest.isHtmx(request)) {
            return "redirect:/marketing-campaigns";
        }
        Map<String, Object> campaign = api.queryObject("/api/marketing-campaigns/{id}", marketingCampaignId);
        Map<String, Object> typed = new HashMap<>();
        typed.put("name", campaign.get("name"));
        typed.put("description", campaign.get("description"));
        return form(true, typed, null, model);
    }

    @PostMapping("/marketing-campaigns")
    public String define(@RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String description,
                         @RequestParam(defaultValue = "false") boolean describing, HttpServletResponse response,
                         Model model) {
        Map<String, Object> body = new HashMap<>();
        // Blank means "no description", which the API says with null.
        body.put("description", description.isBlank() ? null : description);
        try {
            Map<String, Object> accepted = api.command(HttpMethod.PUT, "/api/marketing-campaigns/{name}", body, name);
            model.addAttribute("campaign", api.awaitProjected(Api.versionAtLeast(accepted.get("version")),
                    "/api/marketing-campaigns/{id}", accepted.get("id")));
            model.addAttribute("name", name);
            model.addAttribute("describing", describing);
            response.setHeader("HX-Trigger", CHANGED);
            return "marketing/form :: saved";
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            return form(describing, Map.of("name", name, "description", description), refusal, model);
        }
    }

    private String form(boolean describing, Map<String, Object> typed, ApiRefusal refusal, Model model) {
        model.addAttribute("describing", describing);
        model.addAttribute("typed", typed);
        model.addAttribute("refusal", refusal);
        return "marketing/form :: modal";
    }
}
