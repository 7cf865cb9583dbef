package io.coupons.command.batch;

import io.coupons.api.batch.BatchAccepted;
import io.coupons.api.batch.BatchId;
import io.coupons.api.batch.GenerateBatchCommand;
import io.coupons.api.campaign.CampaignId;
import io.coupons.command.web.CommandSender;
import io.coupons.command.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns/{campaignId}/batches")
@Tag(name = "Bulk generation")
public class BatchController {

    private final CommandSender commands;
    private final String querySideUrl;

    public BatchController(CommandSender commands, @Value("${coupons.query-side-url}") String querySideUrl) {
        this.commands = commands;
        this.querySideUrl = querySideUrl;
    }

    public record GenerateRequest(Long quantity, Integer randomLength) {
    }

    /** What a Generate request answers: the batch, and where to watch it. */
    public record GenerateAccepted(UUID batchId, int batchNumber, long quantity, int randomLength, String statusUrl) {
    }

    @PostMapping
    @Operation(summary = "Generate: codes CAMPAIGNCODE-RANDOM as the campaign's next numbered batch",
            description = "Answers 202 at once; the codes are generated in the background. Follow statusUrl "
                    + "(the query side's generation history) for progress. Send an Idempotency-Key header to make "
                    + "retries safe: the same key answers the same batch.")
    @ApiResponse(responseCode = "202", description = "Accepted: generation runs in the background",
            headers = @Header(name = "Location", description = "statusUrl", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "NOT_A_BULK_POOL, CAMPAIGN_ARCHIVED, CONCURRENT_MODIFICATION")
    public ResponseEntity<GenerateAccepted> generate(@PathVariable UUID campaignId,
                                                     @RequestBody GenerateRequest request,
                                                     @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                     String idempotencyKey) {
        UUID batchId = IdempotencyKeys.idFor("batch:" + campaignId, idempotencyKey, UUID::randomUUID);
        BatchAccepted accepted = commands.sendForResult(new GenerateBatchCommand(new CampaignId(campaignId),
                new BatchId(batchId), request.quantity(), request.randomLength()), BatchAccepted.class);
        String statusUrl = querySideUrl + "/api/campaigns/" + campaignId + "/batches/" + accepted.batchNumber();
        return ResponseEntity.accepted().location(URI.create(statusUrl)).body(new GenerateAccepted(accepted.batchId(),
                accepted.batchNumber(), accepted.quantity(), accepted.randomLength(), statusUrl));
    }
}
