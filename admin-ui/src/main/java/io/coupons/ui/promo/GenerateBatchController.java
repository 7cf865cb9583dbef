package io.coupons.ui.promo;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Seed 003's Generate Batch form: generation method, code length, name, enabled, the rule set (the
 * shared terms fields) and the inventory section, sent as one {@code POST /api/promo-batches}. The
 * form carries its own {@code Idempotency-Key} (made when the form is drawn, kept across refusals),
 * so a double submit or a retry after a timeout makes one batch, not two.
 */
@Controller
public class GenerateBatchController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Api api;
    private final PromoBatchReads reads;

    public GenerateBatchController(Api api, PromoBatchReads reads) {
        this.api = api;
        this.reads = reads;
    }

    /** A new form; {@code ?targetUserSegment=} pre-selects a segment (the segment page's shortcut). */
    @GetMapping("/promo-batches/new")
    public String form(@RequestParam(required = false) String targetUserSegment, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", targetUserSegment == null ? GenerateBatchForm.NUMBER_OF_CODES
                : GenerateBatchForm.TARGET_USER_SEGMENT);
        if (targetUserSegment != null) {
            form.put("targetUserSegment", targetUserSegment);
        }
        form.put("codeLength", "8");
        form.put("enabled", "on");
        form.put("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("form", form);
        return "promo/generate";
    }

    @PostMapping("/promo-batches")
    public String generate(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        String key = form.getFirst("idempotencyKey");
        if (key == null || key.isBlank()) {
            key = UUID.randomUUID().toString();
            form.set("idempotencyKey", key);
        }
        try {
            Map<String, Object> accepted = api.commandWithHeaders(HttpMethod.POST, "/api/promo-batches",
                    GenerateBatchForm.toRequest(form), Map.of(IDEMPOTENCY_KEY, key));
            String id = String.valueOf(accepted.get("promoBatchId"));
            // The batch's page reads the query side: wait until the batch is there to be read.
            reads.awaitCreated(id);
            String page = "/promo-batches/" + id;
            if (HtmxRequest.isHtmx(request)) {
                response.setHeader("HX-Redirect", page);
                return "promo/generate :: opening";
            }
            return "redirect:" + page;
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", TermsForm.echo(form));
            return HtmxRequest.isHtmx(request) ? "promo/generate :: generateForm" : "promo/generate";
        }
    }

    /** Target User Segment's search-as-you-type: segments whose name contains what was typed (case-sensitive). */
    @GetMapping("/pickers/segments")
    public String segments(@RequestParam(required = false) String targetUserSegment, Model model) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", targetUserSegment);
        parameters.put("size", 20);
        model.addAttribute("page", api.queryObject("/api/segments", parameters));
        return "promo/generate :: segmentOptions";
    }
}
