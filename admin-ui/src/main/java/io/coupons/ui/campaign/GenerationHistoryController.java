package io.coupons.ui.campaign;

import io.coupons.ui.app.Api;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A bulk pool's Generation History and pool stats (seed 000), inside the Edit Campaign modal, and
 * its downloads, proxied from the query side so the browser stays on one origin. The query side
 * marks a batch exported once a download's last row went out; the history fragment is polled while
 * the modal is open, so "Exported" flips to yes without reopening it.
 */
@Controller
public class GenerationHistoryController {

    private final Api api;

    public GenerationHistoryController(Api api) {
        this.api = api;
    }

    /** The history fragment alone (polled by the Edit modal). */
    @GetMapping("/coupons/{id}/history")
    public String history(@PathVariable UUID id, Model model) {
        addHistory(id, model);
        return "campaign/edit :: history";
    }

    void addHistory(UUID id, Model model) {
        model.addAttribute("campaignId", id);
        model.addAttribute("history", api.queryObject("/api/campaigns/{id}/batches", id));
    }

    /** Download: one batch's codes. */
    @GetMapping("/coupons/{id}/batches/{batchNumber}/codes.csv")
    public void batchCodes(@PathVariable UUID id, @PathVariable int batchNumber, HttpServletResponse response) {
        api.download("/api/campaigns/{id}/batches/{n}/codes.csv", Map.of(), response, id, batchNumber);
    }

    /** Download with info: code, batch number, usage count. */
    @GetMapping("/coupons/{id}/batches/{batchNumber}/codes-with-info.csv")
    public void batchCodesWithInfo(@PathVariable UUID id, @PathVariable int batchNumber,
                                   HttpServletResponse response) {
        api.download("/api/campaigns/{id}/batches/{n}/codes-with-info.csv", Map.of(), response, id, batchNumber);
    }

    /** Download All: every finished batch's codes. */
    @GetMapping("/coupons/{id}/codes.csv")
    public void allCodes(@PathVariable UUID id, HttpServletResponse response) {
        api.download("/api/campaigns/{id}/codes.csv", Map.of(), response, id);
    }

    /** Download All with Info. */
    @GetMapping("/coupons/{id}/codes-with-info.csv")
    public void allCodesWithInfo(@PathVariable UUID id, HttpServletResponse response) {
        api.download("/api/campaigns/{id}/codes-with-info.csv", Map.of(), response, id);
    }
}
