package io.coupons.command.promo;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.promo.ClonePromoCodeCommand;
import io.coupons.api.promo.DeletePromoBatchCommand;
import io.coupons.api.promo.EditPromoCodeCommand;
import io.coupons.api.promo.GeneratePromoBatchCommand;
import io.coupons.api.promo.GenerationMethod;
import io.coupons.api.promo.InventoryAction;
import io.coupons.api.promo.ModifyPromoInventoryCommand;
import io.coupons.api.promo.PromoBatchAccepted;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.api.promo.PromoInventoryModifiedEvent;
import io.coupons.api.promo.SetPromoBatchEnabledCommand;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.command.common.CommandRejectedException;
import io.coupons.command.web.CommandSender;
import io.coupons.command.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
@RequestMapping("/api/promo-batches")
@Tag(name = "Promo code batches")
public class PromoBatchController {

    private final CommandSender commands;
    private final String querySideUrl;

    public PromoBatchController(CommandSender commands, @Value("${coupons.query-side-url}") String querySideUrl) {
        this.commands = commands;
        this.querySideUrl = querySideUrl;
    }

    /**
     * Seed 003's Generate Batch form. {@code enabled} is required (the form's checkbox: a batch is
     * never switched on or off by leaving a field out); the inventory section is optional.
     */
    public record PromoBatchRequest(@Nullable GenerationMethod method, @Nullable Long numberOfCodes,
                                  @Nullable String targetUserSegment, @Nullable Integer codeLength,
                                  @Nullable String name, @Nullable Boolean enabled, @Nullable DiscountTerms terms,
                                  @Nullable Boolean inventoryEnabled, @Nullable Long inventory) {
    }

    /** What Generate and Clone answer: the run, and where to watch it. */
    public record PromoRunAccepted(UUID promoBatchId, UUID runId, int runNumber, long quantity, int codeLength,
                                   String statusUrl) {
    }

    public record PromoCloneRequest(@Nullable Long quantity) {
    }

    public record PromoCodeEditRequest(@Nullable DiscountTerms terms, @Nullable Boolean enabled) {
    }

    public record PromoInventoryRequest(@Nullable InventoryAction action, @Nullable Long amount) {
    }

    /** Every code's remaining usages after the change: {@code remainingUsages} minus its uses since. */
    public record PromoInventoryModified(UUID promoBatchId, InventoryAction action, long amount, long remainingUsages,
                                    int setNumber) {
    }

    public record PromoEnabledRequest(@Nullable Boolean enabled) {
    }

    @PostMapping
    @Operation(summary = "Generate Batch: a promo code batch by Number of Codes or by Target User Segment",
            description = "Answers 202 at once; the codes (codeLength characters, no prefix, unique among every "
                    + "code there is) are generated in the background: follow statusUrl on the query side. By "
                    + "segment: one code per member of the segment as it is now, each bound to that account. "
                    + "Send an Idempotency-Key header to make retries safe: the same key and form answer the same "
                    + "batch; another form under that key is 409 IDEMPOTENCY_KEY_REUSED.")
    @ApiResponse(responseCode = "202", description = "Accepted: generation runs in the background",
            headers = @Header(name = "Location", description = "statusUrl", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_REUSED, CONCURRENT_MODIFICATION")
    public ResponseEntity<PromoRunAccepted> generate(@RequestBody PromoBatchRequest request,
                                                     @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                     String idempotencyKey) {
        if (request.enabled() == null) {
            throw CommandRejectedException.invalid("enabled", "is required: true activates every code of the batch");
        }
        UUID id = IdempotencyKeys.idFor("promo-batch", idempotencyKey, UUID::randomUUID);
        PromoBatchAccepted accepted = commands.sendForResult(new GeneratePromoBatchCommand(new PromoBatchId(id),
                request.method(), request.numberOfCodes(), request.targetUserSegment(), request.codeLength(),
                request.name(), request.enabled(), request.terms(), Boolean.TRUE.equals(request.inventoryEnabled()),
                request.inventory()), PromoBatchAccepted.class);
        return accepted(accepted);
    }

    @PostMapping("/{promoBatchId}/codes/{code}/clones")
    @Operation(summary = "Clone a code: N new codes with its exact rules, as the batch's next generation run",
            description = "The clones get the source's rules (its own, after an Edit, else the batch's) and its "
                    + "enabled flag; they are not bound to an account. Answers 202; follow statusUrl. An "
                    + "Idempotency-Key makes retries safe.")
    @ApiResponse(responseCode = "202", description = "Accepted: generation runs in the background",
            headers = @Header(name = "Location", description = "statusUrl", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "PROMO_BATCH_NOT_FOUND, PROMO_CODE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMO_BATCH_DELETED, IDEMPOTENCY_KEY_REUSED, "
            + "CONCURRENT_MODIFICATION")
    public ResponseEntity<PromoRunAccepted> cloneCode(@PathVariable UUID promoBatchId, @PathVariable String code,
                                                      @RequestBody PromoCloneRequest request,
                                                      @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                      String idempotencyKey) {
        UUID runId = IdempotencyKeys.idFor("promo-clone:" + promoBatchId, idempotencyKey, UUID::randomUUID);
        PromoBatchAccepted accepted = commands.sendForResult(new ClonePromoCodeCommand(new PromoBatchId(promoBatchId),
                code, request.quantity(), runId), PromoBatchAccepted.class);
        return accepted(accepted);
    }

    @PutMapping("/{promoBatchId}/codes/{code}")
    @Operation(summary = "Edit one code: its own rules and enabled flag, overriding the batch's for this code only",
            description = "In force for redemption at once. The same rules and flag again record nothing.")
    @ApiResponse(responseCode = "200", description = "Edited (or unchanged)")
    @ApiResponse(responseCode = "404", description = "PROMO_BATCH_NOT_FOUND, PROMO_CODE_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMO_BATCH_DELETED, CONCURRENT_MODIFICATION")
    public CommandAccepted editCode(@PathVariable UUID promoBatchId, @PathVariable String code,
                                    @RequestBody PromoCodeEditRequest request) {
        if (request.enabled() == null) {
            throw CommandRejectedException.invalid("enabled", "is required: false switches this code off alone");
        }
        return commands.send(new EditPromoCodeCommand(new PromoBatchId(promoBatchId), code, request.terms(),
                request.enabled()));
    }

    @PostMapping("/{promoBatchId}/inventory")
    @Operation(summary = "Modify Inventory: Increment or Set every code's remaining usages",
            description = "One event for the whole batch, whatever its size. INCREMENT adds amount (1 or more) to "
                    + "every code's remaining usages; SET makes every code's remaining usages exactly amount (0 or "
                    + "more; its redemptions so far stay in its history). Exact against redemptions running at the "
                    + "same moment: each lands wholly before or wholly after. Only for batches created with "
                    + "inventoryEnabled.")
    @ApiResponse(responseCode = "200", description = "Modified")
    @ApiResponse(responseCode = "404", description = "PROMO_BATCH_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "INVENTORY_NOT_ENABLED, PROMO_BATCH_DELETED, "
            + "CONCURRENT_MODIFICATION")
    public PromoInventoryModified modifyInventory(@PathVariable UUID promoBatchId, @RequestBody PromoInventoryRequest request) {
        PromoInventoryModifiedEvent modified = commands.sendForResult(new ModifyPromoInventoryCommand(
                new PromoBatchId(promoBatchId), request.action(), request.amount()), PromoInventoryModifiedEvent.class);
        return new PromoInventoryModified(promoBatchId, modified.action(), modified.amount(), modified.allowance(),
                modified.setNumber());
    }

    @PutMapping("/{promoBatchId}/enabled")
    @Operation(summary = "Enable or disable every code of the batch at once",
            description = "Disabled codes answer DISABLED at checkout. The same value again records nothing.")
    @ApiResponse(responseCode = "200", description = "Changed (or unchanged)")
    @ApiResponse(responseCode = "404", description = "PROMO_BATCH_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "PROMO_BATCH_DELETED, CONCURRENT_MODIFICATION")
    public CommandAccepted setEnabled(@PathVariable UUID promoBatchId, @RequestBody PromoEnabledRequest request) {
        if (request.enabled() == null) {
            throw CommandRejectedException.invalid("enabled", "is required");
        }
        return commands.send(new SetPromoBatchEnabledCommand(new PromoBatchId(promoBatchId), request.enabled()));
    }

    @DeleteMapping("/{promoBatchId}")
    @Operation(summary = "Delete the batch and all its codes",
            description = "One event for the whole batch: its codes answer DELETED at checkout from now on. The "
                    + "batch and its codes stay in the event history. Deleting again changes nothing.")
    @ApiResponse(responseCode = "200", description = "Deleted (or already deleted)")
    @ApiResponse(responseCode = "404", description = "PROMO_BATCH_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION")
    public CommandAccepted delete(@PathVariable UUID promoBatchId) {
        return commands.send(new DeletePromoBatchCommand(new PromoBatchId(promoBatchId)));
    }

    private ResponseEntity<PromoRunAccepted> accepted(PromoBatchAccepted accepted) {
        String statusUrl = querySideUrl + "/api/promo-batches/" + accepted.promoBatchId();
        return ResponseEntity.accepted().location(URI.create(statusUrl)).body(new PromoRunAccepted(
                accepted.promoBatchId(), accepted.runId(), accepted.runNumber(), accepted.quantity(),
                accepted.codeLength(), statusUrl));
    }
}
