package io.coupons.ui.usage;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import io.coupons.ui.app.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The usage pages (seed 000 "Usage tracking"): a code's, a campaign's, a batch's and a promo
 * batch's figures as the query side gives them, with the per-day chart ({@link DailyChart}) and its
 * table. An unknown code, campaign or batch is the API's 404 said on the page, with a way back.
 */
@Controller
public class UsageController {

    static final int REDEMPTIONS_PAGE = 25;
    /** A code's chart counts its newest redemptions up to this many (the API pages 200 at a time). */
    static final int CHART_REDEMPTIONS = 1_000;
    static final int API_PAGE = 200;

    private final Api api;

    public UsageController(Api api) {
        this.api = api;
    }

    @GetMapping("/usage/codes/{code}")
    public String code(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                       HttpServletResponse response, Model model) {
        return orMissing(() -> {
            Map<String, Object> usage = api.queryObject("/api/codes/{code}/usage", code);
            model.addAttribute("usage", usage);
            redemptions(code, page, model);
            List<Map<String, Object>> newest = newestRedemptions(code);
            model.addAttribute("chartCovers", newest.size());
            daily(UsageDays.fromRedemptions(newest), model);
            return "usage/code";
        }, response, model);
    }

    /** The redemption table alone, for its pager. */
    @GetMapping("/usage/codes/{code}/redemptions")
    public String redemptionsTable(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                                   Model model) {
        redemptions(code, page, model);
        return "usage/code :: redemptions";
    }

    @GetMapping("/usage/campaigns/{campaignId}")
    public String campaign(@PathVariable String campaignId, HttpServletResponse response, Model model) {
        return orMissing(() -> {
            Map<String, Object> usage = api.queryObject("/api/campaigns/{id}/usage", campaignId);
            Map<String, Object> campaign = api.queryObject("/api/campaigns/{id}", campaignId);
            model.addAttribute("campaign", campaign);
            if ("BULK_POOL".equals(campaign.get("type"))) {
                model.addAttribute("batches",
                        api.queryObject("/api/campaigns/{id}/batches", campaignId).get("batches"));
            }
            statistics(usage, "campaign", "Campaign " + campaign.get("code"), model);
            return "usage/statistics";
        }, response, model);
    }

    @GetMapping("/usage/campaigns/{campaignId}/batches/{batchNumber}")
    public String batch(@PathVariable String campaignId, @PathVariable String batchNumber,
                        HttpServletResponse response, Model model) {
        return orMissing(() -> {
            Map<String, Object> usage = api.queryObject("/api/campaigns/{id}/batches/{n}/usage", campaignId,
                    batchNumber);
            Map<String, Object> campaign = api.queryObject("/api/campaigns/{id}", campaignId);
            model.addAttribute("campaign", campaign);
            model.addAttribute("batchNumber", batchNumber);
            statistics(usage, "batch", "Campaign " + campaign.get("code") + " · Batch #" + batchNumber, model);
            return "usage/statistics";
        }, response, model);
    }

    @GetMapping("/usage/promo-batches/{promoBatchId}")
    public String promoBatch(@PathVariable String promoBatchId, HttpServletResponse response, Model model) {
        return orMissing(() -> {
            Map<String, Object> usage = api.queryObject("/api/promo-batches/{id}/usage", promoBatchId);
            @SuppressWarnings("unchecked")
            Map<String, Object> batch = (Map<String, Object>) api.queryObject("/api/promo-batches/{id}",
                    promoBatchId).get("batch");
            model.addAttribute("promoBatch", batch);
            statistics(usage, "promo", "Promo batch " + batch.get("name"), model);
            return "usage/statistics";
        }, response, model);
    }

    private void redemptions(String code, int page, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("redemptions", api.queryPage("/api/codes/{code}/redemptions", Map.of(), page,
                REDEMPTIONS_PAGE, code));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> newestRedemptions(String code) {
        List<Map<String, Object>> newest = new ArrayList<>();
        for (int page = 0; newest.size() < CHART_REDEMPTIONS; page++) {
            Map<String, Object> answer = api.queryObject("/api/codes/{code}/redemptions",
                    Map.of("page", page, "size", API_PAGE), code);
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            newest.addAll(items);
            if (items.size() < API_PAGE) {
                break;
            }
        }
        return newest;
    }

    @SuppressWarnings("unchecked")
    private void statistics(Map<String, Object> usage, String kind, String title, Model model) {
        model.addAttribute("usage", usage);
        model.addAttribute("kind", kind);
        model.addAttribute("title", title);
        daily(UsageDays.fromDailyRows((List<Map<String, Object>>) usage.get("days")), model);
    }

    private static void daily(List<UsageDay> days, Model model) {
        model.addAttribute("days", days);
        model.addAttribute("chart", DailyChart.svg(days));
        model.addAttribute("chartTruncated", DailyChart.truncated(days));
    }

    /** The page, or the API's "no such thing" on a page of its own with the way back to the Usage tab. */
    private static String orMissing(Supplier<String> page, HttpServletResponse response, Model model) {
        try {
            return page.get();
        } catch (ApiRefusal refusal) {
            if (refusal.status() != 404 && refusal.status() != 400
                    || !HtmxRequest.wantsHtml(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                    .getRequest())) {
                throw refusal;
            }
            response.setStatus(refusal.status());
            model.addAttribute("refusal", refusal);
            return "usage/missing";
        }
    }
}
