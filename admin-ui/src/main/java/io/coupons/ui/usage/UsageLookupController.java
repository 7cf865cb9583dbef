package io.coupons.ui.usage;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Usage tab: three small look-ups (a code; a campaign, optionally one of its batches; a promo
 * batch) that lead to the usage pages. A look-up asks the API first, so what it refuses (an unknown
 * code, a batch number that is not one) is said next to the form instead of on an empty page.
 */
@Controller
public class UsageLookupController {

    /** The selects list the newest this many (the API's largest page). */
    static final int CHOICES = 200;

    private final Api api;

    public UsageLookupController(Api api) {
        this.api = api;
    }

    @GetMapping("/usage")
    public String home(Model model) {
        model.addAttribute("campaigns", api.queryObject("/api/campaigns", Map.of("size", CHOICES)));
        model.addAttribute("promoBatches", api.queryObject("/api/promo-batches", Map.of("size", CHOICES)));
        return "usage/home";
    }

    @GetMapping("/usage/code")
    public String code(@RequestParam(required = false) String code, HttpServletResponse response, Model model) {
        model.addAttribute("typedCode", code);
        if (code == null || code.isBlank()) {
            return refused("codeRefusal", new ApiRefusal(400, "MISSING", "Type a code first.",
                    Map.of("code", "Type a code first.")), response, model);
        }
        try {
            Map<String, Object> usage = api.queryObject("/api/codes/{code}/usage", code);
            // The API's own spelling of the code (upper case, trimmed): one address per code.
            return redirect("/usage/codes/{code}", usage.get("code"));
        } catch (ApiRefusal refusal) {
            return refused("codeRefusal", refusal, response, model);
        }
    }

    @GetMapping("/usage/campaign")
    public String campaign(@RequestParam(required = false) String campaignId,
                           @RequestParam(required = false) String batchNumber, HttpServletResponse response,
                           Model model) {
        model.addAttribute("chosenCampaign", campaignId);
        model.addAttribute("typedBatch", batchNumber);
        if (campaignId == null || campaignId.isBlank()) {
            return refused("campaignRefusal", new ApiRefusal(400, "MISSING", "Choose a campaign first.",
                    Map.of("campaignId", "Choose a campaign first.")), response, model);
        }
        try {
            if (batchNumber == null || batchNumber.isBlank()) {
                api.queryObject("/api/campaigns/{id}/usage", campaignId);
                return redirect("/usage/campaigns/{id}", campaignId);
            }
            api.queryObject("/api/campaigns/{id}/batches/{n}/usage", campaignId, batchNumber.strip());
            return redirect("/usage/campaigns/{id}/batches/{n}", campaignId, batchNumber.strip());
        } catch (ApiRefusal refusal) {
            return refused("campaignRefusal", refusal, response, model);
        }
    }

    @GetMapping("/usage/promo-batch")
    public String promoBatch(@RequestParam(required = false) String promoBatchId, HttpServletResponse response,
                             Model model) {
        model.addAttribute("chosenPromoBatch", promoBatchId);
        if (promoBatchId == null || promoBatchId.isBlank()) {
            return refused("promoRefusal", new ApiRefusal(400, "MISSING", "Choose a promo batch first.",
                    Map.of("promoBatchId", "Choose a promo batch first.")), response, model);
        }
        try {
            api.queryObject("/api/promo-batches/{id}/usage", promoBatchId);
            return redirect("/usage/promo-batches/{id}", promoBatchId);
        } catch (ApiRefusal refusal) {
            return refused("promoRefusal", refusal, response, model);
        }
    }

    /** The tab again with the refusal beside the form it belongs to (422: htmx and browsers show it). */
    private String refused(String form, ApiRefusal refusal, HttpServletResponse response, Model model) {
        if (refusal.status() >= 500 || refusal.status() == 401 || refusal.status() == 403) {
            throw refusal;
        }
        response.setStatus(422);
        model.addAttribute(form, refusal);
        return home(model);
    }

    private static String redirect(String template, Object... variables) {
        return "redirect:" + UriComponentsBuilder.fromPath(template).buildAndExpand(variables).encode().toUriString();
    }
}
