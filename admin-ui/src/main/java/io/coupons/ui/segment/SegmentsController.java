package io.coupons.ui.segment;

import io.coupons.ui.app.Api;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * User Segments: the list in name order with the case-sensitive name search (the same search the
 * Generate Batch form's Target User Segment picker uses), and a segment's page with its members in
 * force, keyset-paged ("Load more" passes the query side's cursor back).
 */
@Controller
public class SegmentsController {

    static final int PAGE_SIZE = 25;
    static final int MEMBERS_PAGE = 100;

    private final Api api;

    public SegmentsController(Api api) {
        this.api = api;
    }

    @GetMapping("/segments")
    public String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        table(q, page, model);
        return "segment/list";
    }

    @GetMapping("/segments/table")
    public String table(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                        Model model) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        model.addAttribute("q", q);
        model.addAttribute("segments", api.queryPage("/api/segments", filters, page, PAGE_SIZE));
        return "segment/list :: segmentTable";
    }

    @GetMapping("/segments/{id}")
    public String segment(@PathVariable String id, Model model) {
        model.addAttribute("s", api.queryObject("/api/segments/{id}", id));
        members(id, null, model);
        return "segment/details";
    }

    /** The next members and a new "Load more" row, in place of the one clicked. */
    @GetMapping("/segments/{id}/members")
    public String members(@PathVariable String id, @RequestParam(required = false) String cursor, Model model) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("cursor", cursor);
        parameters.put("size", MEMBERS_PAGE);
        model.addAttribute("segmentId", id);
        model.addAttribute("members", api.queryObject("/api/segments/{id}/members", parameters, id));
        return "segment/details :: memberRows";
    }
}
