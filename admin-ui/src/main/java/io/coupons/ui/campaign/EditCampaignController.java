package io.coupons.ui.campaign;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.terms.TermsForm;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Edit Campaign modal (seed 000 "Edit a campaign"): copy the code, change it (single codes),
 * change the linked rule, move the schedule, pool stats and generation history, Archive. Nothing is
 * saved until OK: OK compares the form with the campaign as the query side shows it and sends only
 * the commands for what changed; Cancel just closes the modal. An auditor sees the same modal read-only.
 */
@Controller
public class EditCampaignController {

    static final String VIEW = "campaign/edit :: modal";

    private final Api api;
    private final DiscountRuleChoices rules;
    private final GenerationHistoryController history;
    private final CampaignText text;

    public EditCampaignController(Api api, DiscountRuleChoices rules, GenerationHistoryController history,
                                  CampaignText text) {
        this.api = api;
        this.rules = rules;
        this.history = history;
        this.text = text;
    }

    @GetMapping("/coupons/{id}/edit")
    public String modal(@PathVariable UUID id, Model model) {
        Map<String, Object> campaign = api.queryObject("/api/campaigns/{id}", id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put(CampaignForm.CODE, String.valueOf(campaign.get("code")));
        form.put(CampaignForm.RULE, campaign.get("discountRuleId") == null ? "" : campaign.get("discountRuleId").toString());
        form.put(CampaignForm.STARTS, text.datetimeLocal(campaign.get("startsAt")));
        form.put(CampaignForm.EXPIRES, text.datetimeLocal(campaign.get("expiresAt")));
        return show(campaign, form, null, model);
    }

    /** OK: the commands for what changed, in the order least likely to be refused last. */
    @PostMapping("/coupons/{id}/edit")
    public String save(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
                       HttpServletResponse response, Model model) {
        Map<String, Object> campaign = api.queryObject("/api/campaigns/{id}", id);
        try {
            Object version = null;
            String code = CampaignForm.text(form, CampaignForm.CODE);
            if ("SINGLE_CODE".equals(campaign.get("type")) && form.containsKey(CampaignForm.CODE)
                    && !Objects.equals(code, campaign.get("code"))) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("code", code);
                version = api.command(HttpMethod.PUT, "/api/campaigns/{id}/code", body, id).get("version");
            }
            String rule = CampaignForm.text(form, CampaignForm.RULE);
            Object linked = campaign.get("discountRuleId");
            if (rule == null && linked != null) {
                version = api.command(HttpMethod.DELETE, "/api/campaigns/{id}/discount-rule", null, id).get("version");
            } else if (rule != null && !rule.equals(String.valueOf(linked))) {
                version = api.command(HttpMethod.PUT, "/api/campaigns/{id}/discount-rule",
                        Map.of("discountRuleId", rule), id).get("version");
            }
            Map<String, String> unreadable = new LinkedHashMap<>();
            String startsAt = CampaignForm.instant(form, CampaignForm.STARTS, unreadable);
            String expiresAt = CampaignForm.instant(form, CampaignForm.EXPIRES, unreadable);
            CampaignForm.refuseUnreadable(unreadable);
            boolean startMoved = !sameSecond(startsAt, campaign.get("startsAt"));
            boolean expiryMoved = !sameSecond(expiresAt, campaign.get("expiresAt"));
            if (startMoved || expiryMoved) {
                // The schedule is moved as a whole; the end not touched keeps its exact instant.
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("startsAt", startMoved ? startsAt : campaign.get("startsAt"));
                body.put("expiresAt", expiryMoved ? expiresAt : campaign.get("expiresAt"));
                version = api.command(HttpMethod.PUT, "/api/campaigns/{id}/schedule", body, id).get("version");
            }
            if (version != null) {
                api.awaitProjected(Api.versionAtLeast(version), "/api/campaigns/{id}", id);
            }
            return saved(response, model, "Campaign " + (code == null ? campaign.get("code") : code)
                    + (version == null ? ": nothing changed." : " saved."));
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            // A change made before the refusal is already saved: the form shows the campaign as it is now,
            // with what was typed, so OK again sends only what is still different.
            return show(api.queryObject("/api/campaigns/{id}", id), TermsForm.echo(form),
                    CampaignForm.onFields(refusal), model);
        }
    }

    @PostMapping("/coupons/{id}/archive")
    public String archive(@PathVariable UUID id, HttpServletResponse response, Model model) {
        Map<String, Object> accepted = api.command(HttpMethod.POST, "/api/campaigns/{id}/archive", null, id);
        Map<String, Object> campaign = api.awaitProjected(Api.versionAtLeast(accepted.get("version")),
                "/api/campaigns/{id}", id);
        return saved(response, model, "Campaign " + (campaign == null ? id : campaign.get("code")) + " archived.");
    }

    private String show(Map<String, Object> campaign, Map<String, String> form, @Nullable ApiRefusal refusal,
                        Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("rules", rules.linkableAnd(campaign.get("discountRuleId"), campaign.get("discountRuleName")));
        model.addAttribute("refusal", refusal);
        if ("BULK_POOL".equals(campaign.get("type"))) {
            history.addHistory(UUID.fromString(String.valueOf(campaign.get("id"))), model);
        }
        return VIEW;
    }

    private static String saved(HttpServletResponse response, Model model, String message) {
        response.setHeader("HX-Trigger", CampaignForm.SAVED_TRIGGERS);
        model.addAttribute("message", message);
        return "campaign/saved :: saved";
    }

    /** Typed to the second (what datetime-local shows) against the campaign's instant. */
    private static boolean sameSecond(@Nullable String typed, @Nullable Object current) {
        if (typed == null || current == null) {
            return typed == null && current == null;
        }
        return Instant.parse(typed).equals(Instant.parse(String.valueOf(current)).truncatedTo(ChronoUnit.SECONDS));
    }
}
