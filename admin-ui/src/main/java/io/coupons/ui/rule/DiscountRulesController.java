package io.coupons.ui.rule;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.app.HtmxRequest;
import io.coupons.ui.terms.TermsForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
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
 * The Discount Rules tab: the rules table (search, "include retired", pages), a rule with all its
 * terms, and Create / Revise / Retire. Every write waits for the query side to show it before the
 * table is redrawn, so the admin sees their own change.
 */
@Controller
public class DiscountRulesController {

    static final int PAGE_SIZE = 25;
    /** What a list redraws on (hx-trigger "rulesChanged from:body"). */
    static final String CHANGED = "rulesChanged";

    private final Api api;

    public DiscountRulesController(Api api) {
        this.api = api;
    }

    @GetMapping("/discount-rules")
    public String tab(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean includeRetired,
                      @RequestParam(defaultValue = "0") int page, Model model) {
        table(q, includeRetired, page, model);
        return "rule/rules";
    }

    /** The table alone, redrawn by htmx when the search changes, a page is turned or a rule changed. */
    @GetMapping("/discount-rules/table")
    public String table(@RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "false") boolean includeRetired,
                        @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("includeRetired", includeRetired);
        model.addAttribute("filters", filters);
        model.addAttribute("rules", api.queryPage("/api/discount-rules", filters, page, PAGE_SIZE));
        return "rule/rules :: table";
    }

    /** A rule with all its terms: a modal over the table, or its own page when opened by link. */
    @GetMapping("/discount-rules/{ruleId}")
    public String rule(@PathVariable UUID ruleId, HttpServletRequest request, Model model) {
        model.addAttribute("rule", api.queryObject("/api/discount-rules/{id}", ruleId));
        return HtmxRequest.isHtmx(request) ? "rule/rule :: modal" : "rule/rule";
    }

    @GetMapping("/discount-rules/new")
    public String newRule(HttpServletRequest request, Model model) {
        if (!HtmxRequest.isHtmx(request)) {
            return "redirect:/discount-rules";
        }
        // One key per form shown: a double submit or a retry after a lost answer creates one rule.
        return form(null, "", Map.of(), UUID.randomUUID().toString(), null, model);
    }

    @PostMapping("/discount-rules")
    public String create(@RequestParam MultiValueMap<String, String> form, HttpServletResponse response,
                         Model model) {
        String idempotencyKey = form.getFirst("idempotencyKey");
        try {
            Map<String, Object> accepted = api.commandWithHeaders(HttpMethod.POST, "/api/discount-rules", body(form),
                    idempotencyKey == null || idempotencyKey.isBlank() ? Map.of()
                            : Map.of("Idempotency-Key", idempotencyKey));
            return saved(accepted, "created", response, model);
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            return form(null, form.getFirst("name"), TermsForm.echo(form), idempotencyKey, refusal, model);
        }
    }

    @GetMapping("/discount-rules/{ruleId}/edit")
    @SuppressWarnings("unchecked")
    public String edit(@PathVariable UUID ruleId, HttpServletRequest request, Model model) {
        if (!HtmxRequest.isHtmx(request)) {
            return "redirect:/discount-rules/" + ruleId;
        }
        Map<String, Object> rule = api.queryObject("/api/discount-rules/{id}", ruleId);
        return form(ruleId, String.valueOf(rule.get("name")),
                TermsForm.fromTerms((Map<String, Object>) rule.get("terms")), null, null, model);
    }

    /** Revise: the name and terms replaced as a whole (the API's PUT). */
    @PostMapping("/discount-rules/{ruleId}")
    public String revise(@PathVariable UUID ruleId, @RequestParam MultiValueMap<String, String> form,
                         HttpServletResponse response, Model model) {
        try {
            Map<String, Object> accepted = api.command(HttpMethod.PUT, "/api/discount-rules/{id}", body(form),
                    ruleId);
            return saved(accepted, "revised", response, model);
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            return form(ruleId, form.getFirst("name"), TermsForm.echo(form), null, refusal, model);
        }
    }

    /** Asks before retiring: a retired rule takes no new links and cannot be revised. */
    @GetMapping("/discount-rules/{ruleId}/retire")
    public String confirmRetire(@PathVariable UUID ruleId, HttpServletRequest request, Model model) {
        if (!HtmxRequest.isHtmx(request)) {
            return "redirect:/discount-rules/" + ruleId;
        }
        model.addAttribute("rule", api.queryObject("/api/discount-rules/{id}", ruleId));
        return "rule/retire :: modal";
    }

    @PostMapping("/discount-rules/{ruleId}/retire")
    public String retire(@PathVariable UUID ruleId, HttpServletResponse response, Model model) {
        Map<String, Object> accepted = api.command(HttpMethod.POST, "/api/discount-rules/{id}/retire", null, ruleId);
        return saved(accepted, "retired", response, model);
    }

    private Map<String, Object> body(MultiValueMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.getFirst("name"));
        body.put("terms", TermsForm.toTerms(form));
        return body;
    }

    /** After a write: wait until the query side shows it, then close the modal and redraw the table. */
    private String saved(Map<String, Object> accepted, String done, HttpServletResponse response, Model model) {
        Object id = accepted.get("id");
        Map<String, Object> rule = api.awaitProjected(Api.versionAtLeast(accepted.get("version")),
                "/api/discount-rules/{id}", id);
        model.addAttribute("rule", rule);
        model.addAttribute("done", done);
        response.setHeader("HX-Trigger", CHANGED);
        return "rule/form :: saved";
    }

    private String form(UUID ruleId, String name, Map<String, String> fields, String idempotencyKey,
                        ApiRefusal refusal, Model model) {
        model.addAttribute("ruleId", ruleId);
        model.addAttribute("name", name);
        model.addAttribute("form", fields);
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("refusal", refusal);
        return "rule/form :: modal";
    }
}
