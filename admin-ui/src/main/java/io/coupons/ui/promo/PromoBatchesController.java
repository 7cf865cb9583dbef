package io.coupons.ui.promo;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Seed 003's list view: every batch with its name, target segment, creation, state and codes,
 * searched by Name and by Target User Segment (both case-sensitive, as the query side searches),
 * and the row actions that act on the whole batch: Export to CSV, Enable/Disable, Delete. (Show
 * List and Modify Inventory have their own controllers.)
 */
@Controller
public class PromoBatchesController {

    static final int PAGE_SIZE = 25;
    static final String CHANGED = "promoBatchesChanged";

    private final Api api;
    private final PromoBatchReads reads;

    public PromoBatchesController(Api api, PromoBatchReads reads) {
        this.api = api;
        this.reads = reads;
    }

    @GetMapping("/promo-batches")
    public String list(@RequestParam(required = false) String name, @RequestParam(required = false) String segment,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        table(name, segment, page, model);
        return "promo/list";
    }

    /** The table alone, redrawn by htmx when a filter changes, a page is turned or a batch changed. */
    @GetMapping("/promo-batches/table")
    public String table(@RequestParam(required = false) String name, @RequestParam(required = false) String segment,
                        @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("name", name);
        filters.put("segment", segment);
        model.addAttribute("filters", filters);
        model.addAttribute("batches", api.queryPage("/api/promo-batches", filters, page, PAGE_SIZE));
        return "promo/list :: batchTable";
    }

    /** One row's generation cell, polled while its batch is still generating. */
    @GetMapping("/promo-batches/{id}/generation")
    public String generationCell(@PathVariable String id, Model model) {
        model.addAttribute("b", PromoBatchReads.batch(reads.details(id)));
        return "promo/list :: generation";
    }

    /** Export to CSV: the query side's file, streamed through (the browser never calls the API itself). */
    @GetMapping("/promo-batches/{id}/codes.csv")
    public void export(@PathVariable String id, HttpServletResponse response) {
        api.download("/api/promo-batches/{id}/codes.csv", Map.of(), response, id);
    }

    /** Enable or Disable every code of the batch; answers the row as the query side shows it after. */
    @PutMapping("/promo-batches/{id}/enabled")
    public String setEnabled(@PathVariable String id, @RequestParam boolean enabled,
                             @RequestParam(defaultValue = "row") String view, Model model) {
        Map<String, Object> accepted = api.command(HttpMethod.PUT, "/api/promo-batches/{id}/enabled",
                Map.of("enabled", enabled), id);
        Map<String, Object> details = reads.detailsAtVersion(id, accepted.get("version"));
        model.addAttribute("b", PromoBatchReads.batch(details));
        model.addAttribute("details", details);
        return "details".equals(view) ? "promo/details :: actions" : "promo/list :: batchRow";
    }

    /** Delete's confirmation step: names the batch and how many codes go with it. */
    @GetMapping("/promo-batches/{id}/delete")
    public String confirmDelete(@PathVariable String id, @RequestParam(required = false) String from, Model model) {
        model.addAttribute("b", PromoBatchReads.batch(reads.details(id)));
        model.addAttribute("from", from);
        return "promo/list :: confirmDelete";
    }

    @DeleteMapping("/promo-batches/{id}")
    public String delete(@PathVariable String id, @RequestParam(required = false) String from,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        api.command(HttpMethod.DELETE, "/api/promo-batches/{id}", null, id);
        // The list redrawn next must not show the row any more.
        reads.awaitDeleted(id);
        if ("list".equals(from) && HtmxRequest.isHtmx(request)) {
            // The list's event first: closing the modal detaches the button the events are fired on.
            response.setHeader("HX-Trigger", "{\"" + CHANGED + "\": true, \"closeModal\": true}");
            return "promo/list :: deleted";
        }
        if (HtmxRequest.isHtmx(request)) {
            response.setHeader("HX-Redirect", "/promo-batches");
            return "promo/list :: deleted";
        }
        return "redirect:/promo-batches";
    }
}
