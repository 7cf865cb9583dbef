package io.coupons.query.batch;

import io.coupons.api.batch.DownloadFormat;
import io.coupons.api.batch.GenerationBatchView;
import io.coupons.api.batch.GenerationHistory;
import io.coupons.api.batch.GetGenerationBatchQuery;
import io.coupons.api.batch.GetGenerationHistoryQuery;
import io.coupons.api.campaign.CampaignView;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.query.campaign.CampaignRows;
import io.coupons.query.web.QuerySender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Generation history, pool stats and the code downloads of a bulk-pool campaign. */
@RestController
@Tag(name = "Generation history and downloads")
public class GenerationHistoryController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final QuerySender queries;
    private final CodeExports exports;
    private final DownloadRecorder downloads;
    private final CampaignRows campaigns;

    public GenerationHistoryController(QuerySender queries, CodeExports exports, DownloadRecorder downloads,
                                       CampaignRows campaigns) {
        this.queries = queries;
        this.exports = exports;
        this.downloads = downloads;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns/{campaignId}/batches")
    @Operation(summary = "Generation history (newest first) and pool stats")
    public GenerationHistory history(@PathVariable UUID campaignId) {
        return queries.optional(new GetGenerationHistoryQuery(campaignId), GenerationHistory.class)
                .orElseThrow(() -> ApiProblemException.notFound("campaign", campaignId));
    }

    @GetMapping("/api/campaigns/{campaignId}/batches/{batchNumber}")
    @Operation(summary = "One batch: state and progress (the status URL of a Generate request)")
    public GenerationBatchView batch(@PathVariable UUID campaignId, @PathVariable int batchNumber) {
        return findBatch(campaignId, batchNumber);
    }

    @GetMapping(value = "/api/campaigns/{campaignId}/batches/{batchNumber}/codes.csv", produces = "text/csv")
    @Operation(summary = "Download: the batch's codes (marks the batch exported)")
    @ApiResponse(responseCode = "200", description = "The CSV, streamed")
    @ApiResponse(responseCode = "409", description = "BATCH_NOT_FINISHED: the batch is still being generated")
    public ResponseEntity<StreamingResponseBody> batchCodes(@PathVariable UUID campaignId,
                                                            @PathVariable int batchNumber, Authentication user) {
        return download(List.of(finishedBatch(campaignId, batchNumber)), DownloadFormat.CODES_CSV,
                "batch-" + batchNumber + ".csv", user);
    }

    @GetMapping(value = "/api/campaigns/{campaignId}/batches/{batchNumber}/codes-with-info.csv",
            produces = "text/csv")
    @Operation(summary = "Download with info: code, batch number, usage count (marks the batch exported)")
    @ApiResponse(responseCode = "200", description = "The CSV, streamed")
    @ApiResponse(responseCode = "409", description = "BATCH_NOT_FINISHED: the batch is still being generated")
    public ResponseEntity<StreamingResponseBody> batchCodesWithInfo(@PathVariable UUID campaignId,
                                                                    @PathVariable int batchNumber,
                                                                    Authentication user) {
        return download(List.of(finishedBatch(campaignId, batchNumber)), DownloadFormat.CODES_WITH_INFO_CSV,
                "batch-" + batchNumber + "-with-info.csv", user);
    }

    @GetMapping(value = "/api/campaigns/{campaignId}/codes.csv", produces = "text/csv")
    @Operation(summary = "Download All: the codes of every finished batch (marks them exported)")
    public ResponseEntity<StreamingResponseBody> allCodes(@PathVariable UUID campaignId, Authentication user) {
        return download(finishedBatches(campaignId), DownloadFormat.CODES_CSV, "all-codes.csv", user);
    }

    @GetMapping(value = "/api/campaigns/{campaignId}/codes-with-info.csv", produces = "text/csv")
    @Operation(summary = "Download All with Info (marks every included batch exported)")
    public ResponseEntity<StreamingResponseBody> allCodesWithInfo(@PathVariable UUID campaignId, Authentication user) {
        return download(finishedBatches(campaignId), DownloadFormat.CODES_WITH_INFO_CSV, "all-codes-with-info.csv",
                user);
    }

    @GetMapping(value = "/api/exports/codes.zip", produces = "application/zip")
    @Operation(summary = "Full Export ZIP: one CSV per campaign and a manifest with counts, streamed")
    public ResponseEntity<StreamingResponseBody> fullExport(Authentication user) {
        List<CampaignView> all = campaigns.all();
        String who = user.getName();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"coupon-codes.zip\"")
                .body(out -> downloads.record(exports.writeZip(all, out), DownloadFormat.FULL_EXPORT_ZIP, who));
    }

    private ResponseEntity<StreamingResponseBody> download(List<GenerationBatchView> batches, DownloadFormat format,
                                                           String fileName, Authentication user) {
        String who = user.getName();
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(out -> {
                    exports.writeCsv(batches, format, out);
                    downloads.record(batches, format, who); // only once every row went out
                });
    }

    private GenerationBatchView findBatch(UUID campaignId, int batchNumber) {
        return queries.optional(new GetGenerationBatchQuery(campaignId, batchNumber), GenerationBatchView.class)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "Campaign " + campaignId + " has no batch " + batchNumber + ".", List.of()));
    }

    private GenerationBatchView finishedBatch(UUID campaignId, int batchNumber) {
        GenerationBatchView batch = findBatch(campaignId, batchNumber);
        if (!CodeExports.finished(batch)) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "BATCH_NOT_FINISHED", "Batch " + batchNumber
                    + " is " + batch.state() + " (" + batch.generated() + " of " + batch.quantity()
                    + " codes); download it once it has finished.", List.of());
        }
        return batch;
    }

    private List<GenerationBatchView> finishedBatches(UUID campaignId) {
        return history(campaignId).batches().stream().filter(CodeExports::finished)
                .sorted(Comparator.comparingInt(GenerationBatchView::batchNumber)).toList();
    }
}
