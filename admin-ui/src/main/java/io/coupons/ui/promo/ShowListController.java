package io.coupons.ui.promo;

import io.coupons.ui.app.Api;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Show List: a batch's codes, 50 at a time in generation order, "Load more" appending the next
 * keyset page (the query side's opaque {@code nextCursor}); each with the rules in force, its flags,
 * bound account, remaining usages and use. Edit and Clone are {@link PromoCodeActionsController}'s.
 */
@Controller
public class ShowListController {

    static final int PAGE = 50;
    static final String CHANGED = "promoCodesChanged";

    private final Api api;
    private final PromoBatchReads reads;

    public ShowListController(Api api, PromoBatchReads reads) {
        this.api = api;
        this.reads = reads;
    }

    @GetMapping("/promo-batches/{id}/codes")
    public String showList(@PathVariable String id, Model model) {
        BatchDetailsController.show(reads.details(id), model);
        page(id, null, model);
        return "promo/codes";
    }

    /** The whole table again (after a Clone's run finished or Modify Inventory changed every code). */
    @GetMapping("/promo-batches/{id}/codes/table")
    public String table(@PathVariable String id, Model model) {
        BatchDetailsController.show(reads.details(id), model);
        page(id, null, model);
        return "promo/codes :: codeTable";
    }

    /** The next page's rows and a new "Load more" row, in place of the one clicked. */
    @GetMapping("/promo-batches/{id}/codes/rows")
    public String rows(@PathVariable String id, @RequestParam String after, Model model) {
        page(id, after, model);
        return "promo/codes :: codeRows";
    }

    private void page(String id, String after, Model model) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("after", after);
        parameters.put("limit", PAGE);
        model.addAttribute("batchId", id);
        model.addAttribute("codes", api.queryObject("/api/promo-batches/{id}/codes", parameters, id));
    }
}
