package io.coupons.ui.campaign;

import io.coupons.ui.app.Api;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Coupons tab (seed 000): the campaign table with its filters and pages, as the query side's
 * {@code GET /api/campaigns} gives it.
 */
@Controller
public class CouponsController {

    static final int PAGE_SIZE = 25;

    private final Api api;

    public CouponsController(Api api) {
        this.api = api;
    }

    @GetMapping("/coupons")
    public String tab(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                      Model model) {
        table(type, status, q, page, model);
        return "campaign/coupons";
    }

    /** The table alone, redrawn by htmx when a filter changes or a page is turned. */
    @GetMapping("/coupons/table")
    public String table(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                        Model model) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("type", type);
        filters.put("status", status);
        filters.put("q", q);
        Map<String, Object> parameters = new LinkedHashMap<>(filters);
        parameters.put("page", Math.max(page, 0));
        parameters.put("size", PAGE_SIZE);
        model.addAttribute("filters", filters);
        model.addAttribute("campaigns", api.queryObject("/api/campaigns", parameters));
        return "campaign/coupons :: table";
    }
}
