package io.coupons.ui.promo;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One batch's page: its rules, inventory and generation runs with live progress (the part that
 * moves is polled every 500 ms while a run is unfinished, and stops asking once every run is
 * COMPLETED or FAILED), with the list view's actions.
 */
@Controller
public class BatchDetailsController {

    private final PromoBatchReads reads;

    public BatchDetailsController(PromoBatchReads reads) {
        this.reads = reads;
    }

    @GetMapping("/promo-batches/{id}")
    public String details(@PathVariable String id, Model model) {
        show(reads.details(id), model);
        return "promo/details";
    }

    @GetMapping("/promo-batches/{id}/progress")
    public String progress(@PathVariable String id, Model model) {
        show(reads.details(id), model);
        return "promo/details :: batchProgress";
    }

    static void show(Map<String, Object> details, Model model) {
        model.addAttribute("details", details);
        model.addAttribute("b", PromoBatchReads.batch(details));
    }
}
