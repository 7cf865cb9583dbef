package io.coupons.ui.campaign;

import io.coupons.ui.app.Api;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Coupons tab (seed 000): the campaign table with its filters and pages, as the query side's
 * {@code GET /api/campaigns} gives it, and the toolbar's two exports, proxied so the browser only
 * ever talks to the UI.
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

    /** The table alone, redrawn by htmx when a filter changes, a page is turned or a modal saved. */
    @GetMapping("/coupons/table")
    public String table(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                        Model model) {
        Map<String, Object> filters = filters(type, status, q);
        model.addAttribute("filters", filters);
        model.addAttribute("filtered", filters.values().stream().anyMatch(v -> v != null && !v.toString().isBlank()));
        model.addAttribute("campaigns", api.queryPage("/api/campaigns", filters, page, PAGE_SIZE));
        return "campaign/coupons :: table";
    }

    /** Export Table CSV: every campaign of the view the filters make (not only the page shown). */
    @GetMapping("/coupons/export.csv")
    public void exportTable(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
                            @RequestParam(required = false) String q, HttpServletResponse response) {
        api.download("/api/campaigns/export.csv", filters(type, status, q), response);
    }

    /** Full Export ZIP: every code of every campaign (admins only: the query side refuses auditors). */
    @GetMapping("/coupons/export.zip")
    public void fullExport(HttpServletResponse response) {
        api.download("/api/exports/codes.zip", Map.of(), response);
    }

    private static Map<String, Object> filters(String type, String status, String q) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("type", type);
        filters.put("status", status);
        filters.put("q", q);
        return filters;
    }
}
