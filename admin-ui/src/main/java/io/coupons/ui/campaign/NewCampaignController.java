package io.coupons.ui.campaign;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.terms.TermsForm;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The New Coupon Campaign modal (seed 000 "Create a campaign"): Campaign Code, Campaign Type,
 * Linked Discount with its Create New rule form inside the modal, uses per code and the schedule.
 * Other screens open the same modal with {@code GET /coupons/new?discountRuleId=...} (a rule's
 * "Create New Campaign"), the rule then chosen already.
 */
@Controller
public class NewCampaignController {

    static final String VIEW = "campaign/new :: modal";

    /** Hidden per-form keys: a double submit (or a retry after a timeout) creates one campaign, one rule. */
    static final String CAMPAIGN_KEY = "idempotencyKey";
    static final String RULE_KEY = "ruleIdempotencyKey";

    private final Api api;
    private final DiscountRuleChoices rules;

    public NewCampaignController(Api api, DiscountRuleChoices rules) {
        this.api = api;
        this.rules = rules;
    }

    @GetMapping("/coupons/new")
    public String modal(@RequestParam(required = false) String discountRuleId, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        if (discountRuleId != null) {
            form.put(CampaignForm.RULE, discountRuleId);
        }
        return show(form, false, null, model);
    }

    @PostMapping("/coupons")
    public String create(@RequestParam MultiValueMap<String, String> form, HttpServletResponse response,
                         Model model) {
        try {
            Map<String, Object> accepted = api.commandWithHeaders(HttpMethod.POST, "/api/campaigns",
                    CampaignForm.createRequest(form), idempotencyKey(form, CAMPAIGN_KEY));
            Map<String, Object> campaign = api.awaitProjected(Api.versionAtLeast(accepted.get("version")),
                    "/api/campaigns/{id}", accepted.get("id"));
            response.setHeader("HX-Trigger", CampaignForm.SAVED_TRIGGERS);
            model.addAttribute("message", "Campaign " + (campaign == null ? form.getFirst(CampaignForm.CODE)
                    : campaign.get("code")) + " created.");
            return "campaign/saved :: saved";
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            return show(TermsForm.echo(form), false, CampaignForm.onFields(refusal), model);
        }
    }

    /**
     * Create New (inside the modal): the rule form's name and terms become a discount rule, and the
     * campaign form comes back as it was typed, with the new rule chosen.
     */
    @PostMapping("/coupons/new/discount-rule")
    public String createRule(@RequestParam MultiValueMap<String, String> form, HttpServletResponse response,
                             Model model) {
        Map<String, String> typed = TermsForm.echo(form);
        try {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("name", CampaignForm.text(form, "name"));
            rule.put("terms", TermsForm.toTerms(form));
            Map<String, Object> accepted = api.commandWithHeaders(HttpMethod.POST, "/api/discount-rules", rule,
                    idempotencyKey(form, RULE_KEY));
            api.awaitProjected(Api.versionAtLeast(accepted.get("version")), "/api/discount-rules/{id}",
                    accepted.get("id"));
            // The rule form is done: its fields are cleared and its key is spent.
            typed.keySet().removeIf(name -> name.equals("name") || name.startsWith(TermsForm.PREFIX)
                    || name.equals(RULE_KEY));
            typed.put(CampaignForm.RULE, String.valueOf(accepted.get("id")));
            model.addAttribute("ruleCreated", rule.get("name"));
            return show(typed, false, null, model);
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            return show(typed, true, refusal, model);
        }
    }

    private String show(Map<String, String> form, boolean ruleFormOpen, ApiRefusal refusal, Model model) {
        form.computeIfAbsent(CAMPAIGN_KEY, key -> UUID.randomUUID().toString());
        form.computeIfAbsent(RULE_KEY, key -> UUID.randomUUID().toString());
        model.addAttribute("form", form);
        model.addAttribute("rules", rules.linkable());
        model.addAttribute("ruleFormOpen", ruleFormOpen);
        model.addAttribute("refusal", refusal);
        return VIEW;
    }

    private static Map<String, String> idempotencyKey(MultiValueMap<String, String> form, String field) {
        String key = CampaignForm.text(form, field);
        return key == null ? Map.of() : Map.of("Idempotency-Key", key);
    }
}
