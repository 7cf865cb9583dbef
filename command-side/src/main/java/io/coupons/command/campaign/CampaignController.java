package io.coupons.command.campaign;

import io.coupons.api.campaign.ArchiveCampaignCommand;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.campaign.ChangeCampaignCodeCommand;
import io.coupons.api.campaign.CreateCampaignCommand;
import io.coupons.api.campaign.LinkDiscountRuleCommand;
import io.coupons.api.campaign.RescheduleCampaignCommand;
import io.coupons.api.campaign.UnlinkDiscountRuleCommand;
import io.coupons.api.common.CommandAccepted;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.command.web.CommandSender;
import io.coupons.command.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campaigns")
public class CampaignController {

    private final CommandSender commands;

    public CampaignController(CommandSender commands) {
        this.commands = commands;
    }

    public record CreateCampaignRequest(String code, CampaignType type, UUID discountRuleId, Integer usesPerCode,
                                        Instant startsAt, Instant expiresAt) {
    }

    public record ChangeCodeRequest(String code) {
    }

    public record LinkRuleRequest(UUID discountRuleId) {
    }

    public record ScheduleRequest(Instant startsAt, Instant expiresAt) {
    }

    @PostMapping
    @Operation(summary = "Create a campaign",
            description = "The code is upper-cased and unique across all campaigns (409 when taken). "
                    + "Send an Idempotency-Key header to make retries safe.")
    @ApiResponse(responseCode = "201",
            description = "Created (also when an Idempotency-Key retry answers the campaign it created)",
            headers = @Header(name = "Location", description = "the new resource", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "CAMPAIGN_CODE_TAKEN: another campaign has this code")
    public ResponseEntity<CommandAccepted> create(@RequestBody CreateCampaignRequest request,
                                                  @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                  String idempotencyKey) {
        UUID id = IdempotencyKeys.idFor("campaign", idempotencyKey, UUID::randomUUID);
        CommandAccepted accepted = commands.send(new CreateCampaignCommand(new CampaignId(id), request.code(),
                request.type(), request.discountRuleId() == null ? null : new DiscountRuleId(request.discountRuleId()),
                request.usesPerCode(), request.startsAt(), request.expiresAt()));
        return ResponseEntity.created(URI.create("/api/campaigns/" + id)).body(accepted);
    }

    @PutMapping("/{campaignId}/code")
    @Operation(summary = "Change the code of a single-code campaign")
    @ApiResponse(responseCode = "200", description = "Changed (or unchanged: the same code)")
    @ApiResponse(responseCode = "409", description = "CAMPAIGN_CODE_TAKEN, CODE_CHANGE_NOT_ALLOWED (not a "
            + "single-code campaign), CAMPAIGN_ARCHIVED, CONCURRENT_MODIFICATION")
    public CommandAccepted changeCode(@PathVariable UUID campaignId, @RequestBody ChangeCodeRequest request) {
        return commands.send(new ChangeCampaignCodeCommand(new CampaignId(campaignId), request.code()));
    }

    @PutMapping("/{campaignId}/discount-rule")
    @Operation(summary = "Link the campaign to a discount rule (replaces the current link)")
    @ApiResponse(responseCode = "200", description = "Linked")
    @ApiResponse(responseCode = "409", description = "CAMPAIGN_ARCHIVED, CONCURRENT_MODIFICATION")
    public CommandAccepted linkRule(@PathVariable UUID campaignId, @RequestBody LinkRuleRequest request) {
        return commands.send(new LinkDiscountRuleCommand(new CampaignId(campaignId),
                request.discountRuleId() == null ? null : new DiscountRuleId(request.discountRuleId())));
    }

    @DeleteMapping("/{campaignId}/discount-rule")
    @Operation(summary = "Unlink the campaign's discount rule")
    @ApiResponse(responseCode = "200", description = "Unlinked (or no rule was linked)")
    @ApiResponse(responseCode = "409", description = "CAMPAIGN_ARCHIVED, CONCURRENT_MODIFICATION")
    public CommandAccepted unlinkRule(@PathVariable UUID campaignId) {
        return commands.send(new UnlinkDiscountRuleCommand(new CampaignId(campaignId)));
    }

    @PutMapping("/{campaignId}/schedule")
    @Operation(summary = "Move the campaign's start and expiry")
    @ApiResponse(responseCode = "200", description = "Rescheduled")
    @ApiResponse(responseCode = "409", description = "CAMPAIGN_ARCHIVED, CONCURRENT_MODIFICATION")
    public CommandAccepted reschedule(@PathVariable UUID campaignId, @RequestBody ScheduleRequest request) {
        return commands.send(new RescheduleCampaignCommand(new CampaignId(campaignId), request.startsAt(),
                request.expiresAt()));
    }

    @PostMapping("/{campaignId}/archive")
    @Operation(summary = "Archive the campaign: no longer redeemable, history kept")
    public CommandAccepted archive(@PathVariable UUID campaignId) {
        return commands.send(new ArchiveCampaignCommand(new CampaignId(campaignId)));
    }
}
