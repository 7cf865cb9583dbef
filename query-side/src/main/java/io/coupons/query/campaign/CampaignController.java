package io.coupons.query.campaign;

import io.coupons.api.campaign.CampaignPage;
import io.coupons.api.campaign.CampaignStatus;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.campaign.CampaignView;
import io.coupons.api.campaign.FindCampaignsQuery;
import io.coupons.api.campaign.GetCampaignQuery;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.query.web.PagingParameters;
import io.coupons.query.web.QuerySender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns")
public class CampaignController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final QuerySender queries;
    private final CampaignCsvExport export;

    public CampaignController(QuerySender queries, CampaignCsvExport export) {
        this.queries = queries;
        this.export = export;
    }

    @GetMapping
    @Operation(summary = "The campaign table, newest first",
            description = "Filters: type, status (derived now: SCHEDULED, ACTIVE, EXPIRED, ARCHIVED), "
                    + "q (part of the code or of the linked rule's name, case-insensitive).")
    public CampaignPage list(@RequestParam(required = false) CampaignType type,
                             @RequestParam(required = false) CampaignStatus status,
                             @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "" + PagingParameters.DEFAULT_SIZE) int size) {
        return queries.one(new FindCampaignsQuery(type, status, PagingParameters.text("q", q),
                PagingParameters.of(page, size)), CampaignPage.class);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "Export Table CSV: every campaign of the current filtered view, streamed")
    public ResponseEntity<StreamingResponseBody> exportCsv(@RequestParam(required = false) CampaignType type,
                                                           @RequestParam(required = false) CampaignStatus status,
                                                           @RequestParam(required = false) String q) {
        CampaignRows.Filter filter = new CampaignRows.Filter(type, status, PagingParameters.text("q", q));
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaigns.csv\"")
                .body(out -> export.write(filter, out));
    }

    @GetMapping("/{campaignId}")
    @Operation(summary = "One campaign's details",
            description = "404 until the campaign's first event is projected; compare 'version' with the "
                    + "version a command answered to know whether that command is visible yet.")
    public CampaignView get(@PathVariable UUID campaignId) {
        return queries.optional(new GetCampaignQuery(campaignId), CampaignView.class)
                .orElseThrow(() -> ApiProblemException.notFound("campaign", campaignId));
    }
}
