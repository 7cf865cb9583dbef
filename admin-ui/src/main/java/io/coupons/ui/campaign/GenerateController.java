package io.coupons.ui.campaign;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.terms.TermsForm;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Generate modal (seed 000 "Bulk generation"): quantity and code length, then a live progress
 * bar. The command side answers 202 at once and generates in the background; the bar is a fragment
 * htmx polls every 500 ms, reading the batch from the query side, until it is COMPLETED or FAILED
 * (the last fragment has no trigger, so the polling stops by itself).
 */
@Controller
public class GenerateController {

    static final String VIEW = "campaign/generate :: modal";
    static final String DEFAULT_RANDOM_LENGTH = "6";

    private final Api api;

    public GenerateController(Api api) {
        this.api = api;
    }

    @GetMapping("/coupons/{id}/generate")
    public String modal(@PathVariable UUID id, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("randomLength", DEFAULT_RANDOM_LENGTH);
        return show(api.queryObject("/api/campaigns/{id}", id), form, null, model);
    }

    @PostMapping("/coupons/{id}/generate")
    public String generate(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
                           HttpServletResponse response, Model model) {
        Map<String, Object> campaign = api.queryObject("/api/campaigns/{id}", id);
        try {
            Map<String, String> unreadable = new LinkedHashMap<>();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("quantity", CampaignForm.number(form, "quantity", unreadable));
            body.put("randomLength", CampaignForm.number(form, "randomLength", unreadable));
            CampaignForm.refuseUnreadable(unreadable);
            String key = CampaignForm.text(form, NewCampaignController.CAMPAIGN_KEY);
            Map<String, Object> accepted = api.commandWithHeaders(HttpMethod.POST, "/api/campaigns/{id}/batches", body,
                    key == null ? Map.of() : Map.of("Idempotency-Key", key), id);
            model.addAttribute("accepted", accepted);
            progress(id, ((Number) accepted.get("batchNumber")).intValue(), model);
            return show(campaign, TermsForm.echo(form), null, model);
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            return show(campaign, TermsForm.echo(form), CampaignForm.onFields(refusal), model);
        }
    }

    /** The progress bar, as the query side sees the batch now. */
    @GetMapping("/coupons/{id}/batches/{batchNumber}/progress")
    public String progress(@PathVariable UUID id, @PathVariable int batchNumber, Model model) {
        Map<String, Object> batch;
        try {
            batch = api.queryObject("/api/campaigns/{id}/batches/{n}", id, batchNumber);
        } catch (ApiRefusal notYet) {
            if (notYet.status() != 404) {
                throw notYet;
            }
            batch = null; // accepted by the command side, not yet projected: shown as waiting
        }
        boolean finished = batch != null && List.of("COMPLETED", "FAILED").contains(batch.get("state"));
        model.addAttribute("campaignId", id);
        model.addAttribute("batchNumber", batchNumber);
        model.addAttribute("batch", batch);
        model.addAttribute("finished", finished);
        if (finished) {
            Object batches = api.queryObject("/api/campaigns/{id}/batches", id).get("batches");
            model.addAttribute("historyCount", batches instanceof List<?> list ? list.size() : 0);
        }
        return "campaign/generate :: progress";
    }

    private static String show(Map<String, Object> campaign, Map<String, String> form, ApiRefusal refusal,
                               Model model) {
        form.computeIfAbsent(NewCampaignController.CAMPAIGN_KEY, key -> UUID.randomUUID().toString());
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        return VIEW;
    }
}
