package io.coupons.ui.promo;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.terms.TermsForm;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Modify Inventory (a modal): Action Increment or Set, Inventory Amount, Modify. Answers the form
 * again with the remaining usages the command side reports, once the query side shows them, and
 * tells the list and Show List to redraw.
 */
@Controller
public class ModifyInventoryController {

    private final Api api;
    private final PromoBatchReads reads;

    public ModifyInventoryController(Api api, PromoBatchReads reads) {
        this.api = api;
        this.reads = reads;
    }

    @GetMapping("/promo-batches/{id}/inventory")
    public String form(@PathVariable String id, Model model) {
        model.addAttribute("b", PromoBatchReads.batch(reads.details(id)));
        model.addAttribute("form", Map.of("action", "INCREMENT"));
        return "promo/inventory :: inventoryModal";
    }

    @PostMapping("/promo-batches/{id}/inventory")
    public String modify(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                         HttpServletResponse response, Model model) {
        try {
            Map<String, String> unreadable = new LinkedHashMap<>();
            Long amount = WholeNumbers.read(form, "amount", unreadable);
            if (!unreadable.isEmpty()) {
                throw new ApiRefusal(422, "INVALID_FIELDS", "Some fields cannot be read.", unreadable);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            String action = form.getFirst("action");
            body.put("action", action == null || action.isBlank() ? null : action);
            body.put("amount", amount);
            Map<String, Object> modified = api.command(HttpMethod.POST, "/api/promo-batches/{id}/inventory", body, id);
            // The command answers no version: wait for the batch's numbers it reports instead.
            Object allowance = modified.get("remainingUsages");
            Object setNumber = modified.get("setNumber");
            api.awaitProjected(details -> sameNumber(PromoBatchReads.batch(details).get("allowance"), allowance)
                    && sameNumber(PromoBatchReads.batch(details).get("setNumber"), setNumber),
                    PromoBatchReads.DETAILS, id);
            model.addAttribute("modified", modified);
            model.addAttribute("form", Map.of("action", String.valueOf(modified.get("action"))));
            response.setHeader("HX-Trigger", "{\"" + PromoBatchesController.CHANGED + "\": true, \""
                    + ShowListController.CHANGED + "\": true}");
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            model.addAttribute("refusal", refusal);
            model.addAttribute("form", TermsForm.echo(form));
        }
        model.addAttribute("b", PromoBatchReads.batch(reads.details(id)));
        return "promo/inventory :: inventoryForm";
    }

    private static boolean sameNumber(Object seen, Object wanted) {
        return seen instanceof Number a && wanted instanceof Number b && a.longValue() == b.longValue();
    }
}
