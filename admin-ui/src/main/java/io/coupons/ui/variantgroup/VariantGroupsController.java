package io.coupons.ui.variantgroup;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.app.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Variant Groups tab: promo variant targeting groups (rules name them in Promo Variant
 * Targeting Group), searchable by name, a group with its variants, and create-or-replace (the API's
 * {@code PUT /api/variant-groups/{name}} sets the variants as a whole).
 */
@Controller
public class VariantGroupsController {

    static final int PAGE_SIZE = 25;
    static final String CHANGED = "variantGroupsChanged";

    private final Api api;
    private final VariantGroupOptions options;

    public VariantGroupsController(Api api, VariantGroupOptions options) {
        this.api = api;
        this.options = options;
    }

    @GetMapping("/variant-groups")
    public String tab(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                      Model model) {
        table(q, page, model);
        return "variantgroup/variant-groups";
    }

    @GetMapping("/variant-groups/table")
    public String table(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                        Model model) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        model.addAttribute("q", q);
        model.addAttribute("groups", api.queryPage("/api/variant-groups", filters, page, PAGE_SIZE));
        return "variantgroup/variant-groups :: table";
    }

    @GetMapping("/variant-groups/{groupId}")
    public String group(@PathVariable UUID groupId, HttpServletRequest request, Model model) {
        model.addAttribute("group", api.queryObject("/api/variant-groups/{id}", groupId));
        return HtmxRequest.isHtmx(request) ? "variantgroup/group :: modal" : "variantgroup/group";
    }

    @GetMapping("/variant-groups/new")
    public String newGroup(HttpServletRequest request, Model model) {
        if (!HtmxRequest.isHtmx(request)) {
            return "redirect:/variant-groups";
        }
        return form(false, "", "", null, model);
    }

    /** Replace: the same form with the name fixed (it is the group's identity) and its variants filled in. */
    @GetMapping("/variant-groups/{groupId}/edit")
    @SuppressWarnings("unchecked")
    public String edit(@PathVariable UUID groupId, HttpServletRequest request, Model model) {
        if (!HtmxRequest.isHtmx(request)) {
            return "redirect:/variant-groups/" + groupId;
        }
        Map<String, Object> group = api.queryObject("/api/variant-groups/{id}", groupId);
        return form(true, String.valueOf(group.get("name")),
                String.join("\n", (List<String>) group.get("variantIds")), null, model);
    }

    @PostMapping("/variant-groups")
    public String define(@RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String variantIds,
                         @RequestParam(defaultValue = "false") boolean replacing, HttpServletResponse response,
                         Model model) {
        List<String> variants = variants(variantIds);
        try {
            Map<String, Object> accepted = api.command(HttpMethod.PUT, "/api/variant-groups/{name}",
                    Map.of("variantIds", variants), name);
            Map<String, Object> group = api.awaitProjected(Api.versionAtLeast(accepted.get("version")),
                    "/api/variant-groups/{id}", accepted.get("id"));
            model.addAttribute("group", group);
            model.addAttribute("name", name);
            model.addAttribute("replacing", replacing);
            response.setHeader("HX-Trigger", CHANGED);
            return "variantgroup/form :: saved";
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            model.addAttribute("variantErrors", VariantErrors.of(refusal, variants));
            return form(replacing, name, variantIds, refusal, model);
        }
    }

    /** Suggestions for a Promo Variant Targeting Group input, as {@code <option>}s of a datalist. */
    @GetMapping("/pickers/variant-groups")
    public String picker(@RequestParam(name = "terms.variantTargetingGroup", required = false) String q, Model model) {
        model.addAttribute("names", options.names(q));
        return "variantgroup/form :: options";
    }

    /**
     * The textarea's variants: one per line or comma-separated, each stripped, blank ones dropped
     * (only layout). Repeats are sent as typed: the API keeps each variant once.
     */
    static List<String> variants(String typed) {
        return Arrays.stream(typed.split("[,\\r\\n]+")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    private String form(boolean replacing, String name, String variantIds, ApiRefusal refusal, Model model) {
        model.addAttribute("replacing", replacing);
        model.addAttribute("name", name);
        model.addAttribute("variantIds", variantIds);
        model.addAttribute("refusal", refusal);
        if (!model.containsAttribute("variantErrors")) {
            model.addAttribute("variantErrors", List.of());
        }
        return "variantgroup/form :: modal";
    }
}
