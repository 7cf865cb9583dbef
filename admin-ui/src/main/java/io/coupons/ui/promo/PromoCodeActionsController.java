package io.coupons.ui.promo;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Show List's per-code actions. Edit: the code's own rules and enabled flag (the terms fields
 * pre-filled with the rules in force), answered as the code's row redrawn. Clone: "the amount of
 * codes you would like to generate with the exact same rules", a new run of the batch whose
 * progress the modal follows until it is finished.
 */
@Controller
public class PromoCodeActionsController {

    private final Api api;
    private final PromoBatchReads reads;

    public PromoCodeActionsController(Api api, PromoBatchReads reads) {
        this.api = api;
        this.reads = reads;
    }

    @GetMapping("/promo-batches/{id}/codes/{code}/edit")
    public String editForm(@PathVariable String id, @PathVariable String code, Model model) {
        Map<String, Object> promoCode = promoCode(code);
        @SuppressWarnings("unchecked")
        Map<String, String> form = new LinkedHashMap<>(TermsForm.fromTerms((Map<String, Object>) promoCode.get("terms")));
        if (Boolean.TRUE.equals(promoCode.get("codeEnabled"))) {
            form.put("enabled", "on");
        }
        model.addAttribute("form", form);
        model.addAttribute("batchId", id);
        model.addAttribute("c", promoCode);
        return "promo/codes :: editModal";
    }

    @PutMapping("/promo-batches/{id}/codes/{code}")
    public String edit(@PathVariable String id, @PathVariable String code,
                       @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        model.addAttribute("batchId", id);
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("terms", TermsForm.toTerms(form));
            body.put("enabled", form.containsKey("enabled"));
            Map<String, Object> accepted = api.command(HttpMethod.PUT, "/api/promo-batches/{id}/codes/{code}", body,
                    id, code);
            reads.detailsAtVersion(id, accepted.get("version"));
            model.addAttribute("c", promoCode(code));
            response.setHeader("HX-Trigger", "closeModal");
            return "promo/codes :: codeRow";
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            // The form, not the row, takes the answer: the messages belong next to its fields.
            response.setHeader("HX-Retarget", "#edit-code-form");
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", TermsForm.echo(form));
            model.addAttribute("c", Map.of("code", code));
            return "promo/codes :: editForm";
        }
    }

    @GetMapping("/promo-batches/{id}/codes/{code}/clone")
    public String cloneForm(@PathVariable String id, @PathVariable String code, Model model) {
        model.addAttribute("batchId", id);
        model.addAttribute("c", Map.of("code", code));
        model.addAttribute("form", Map.of("idempotencyKey", UUID.randomUUID().toString()));
        return "promo/codes :: cloneModal";
    }

    @PostMapping("/promo-batches/{id}/codes/{code}/clones")
    public String cloneCode(@PathVariable String id, @PathVariable String code,
                            @RequestParam MultiValueMap<String, String> form, HttpServletResponse response,
                            Model model) {
        model.addAttribute("batchId", id);
        model.addAttribute("c", Map.of("code", code));
        String key = form.getFirst("idempotencyKey");
        try {
            Map<String, String> unreadable = new LinkedHashMap<>();
            Long quantity = WholeNumbers.read(form, "quantity", unreadable);
            if (!unreadable.isEmpty()) {
                throw new ApiRefusal(422, "INVALID_FIELDS", "Some fields cannot be read.", unreadable);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("quantity", quantity);
            Map<String, Object> accepted = api.commandWithHeaders(HttpMethod.POST,
                    "/api/promo-batches/{id}/codes/{code}/clones", body,
                    key == null || key.isBlank() ? Map.of() : Map.of(GenerateBatchController.IDEMPOTENCY_KEY, key),
                    id, code);
            return runProgress(id, ((Number) accepted.get("runNumber")).intValue(), response, model);
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", TermsForm.echo(form));
            return "promo/codes :: cloneForm";
        }
    }

    /** One run's progress (a Clone's, in its modal), polled until it is COMPLETED or FAILED. */
    @GetMapping("/promo-batches/{id}/runs/{runNumber}/progress")
    public String runProgress(@PathVariable String id, @PathVariable int runNumber, HttpServletResponse response,
                              Model model) {
        Map<String, Object> details = reads.details(id);
        Map<String, Object> run = run(details, runNumber);
        model.addAttribute("batchId", id);
        model.addAttribute("runNumber", runNumber);
        model.addAttribute("r", run);
        if (run != null && !PromoDisplay.isMoving(run.get("state"))) {
            // Done: Show List redraws with the new codes.
            response.setHeader("HX-Trigger", ShowListController.CHANGED);
        }
        return "promo/codes :: cloneProgress";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(Map<String, Object> details, int runNumber) {
        if (details.get("runs") instanceof List<?> runs) {
            for (Object run : runs) {
                if (run instanceof Map<?, ?> view && view.get("runNumber") instanceof Number n
                        && n.intValue() == runNumber) {
                    return (Map<String, Object>) view;
                }
            }
        }
        return null; // not projected yet: the modal keeps asking
    }

    /** The code as Show List shows it, from the code's details (the Show List has no single-code read). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> promoCode(String code) {
        Map<String, Object> details = api.queryObject("/api/codes/{code}", code);
        return details.get("promoCode") instanceof Map<?, ?> promoCode ? (Map<String, Object>) promoCode : Map.of();
    }
}
