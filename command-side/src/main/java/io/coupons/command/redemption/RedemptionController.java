package io.coupons.command.redemption;

import io.coupons.api.common.FieldViolation;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.RedeemCodeCommand;
import io.coupons.api.redemption.RedeemUrlTokenCommand;
import io.coupons.api.redemption.RedemptionDecision;
import io.coupons.api.redemption.RedemptionId;
import io.coupons.api.redemption.RedemptionReversal;
import io.coupons.api.redemption.RejectionReason;
import io.coupons.api.redemption.ReverseRedemptionCommand;
import io.coupons.api.redemption.ValidateCodeCommand;
import io.coupons.api.redemption.ValidateUrlTokenCommand;
import io.coupons.command.web.CommandSender;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkout's REST door to the same commands an Axon client sends. Redeem answers 201 with the
 * discount (200 when it repeats an earlier answer), or a 422 problem whose {@code code} is the
 * rejection reason; validate answers 200 either way, since "no" is a normal answer to "would it".
 */
@RestController
@RequestMapping("/api/redemptions")
@Tag(name = "Redemption")
public class RedemptionController {

    private final CommandSender commands;

    public RedemptionController(CommandSender commands) {
        this.commands = commands;
    }

    /** Exactly one of {@code code} (typed at checkout) and {@code urlToken} (from an auto-apply link). */
    public record RedemptionRequest(String code, String urlToken, OrderContext order) {
    }

    /** Either the redemption id, or the code and order id it was derived from. */
    public record ReversalRequest(UUID redemptionId, String code, String orderId, String reason) {
    }

    /** The by-id reversal's body: the id is in the path, so a body naming another is refused, not ignored. */
    public record ReversalReason(String reason) {
    }

    @PostMapping("/validate")
    @Operation(summary = "Would this code apply to this order? Records nothing")
    @ApiResponse(responseCode = "200", description = "The decision: accepted with the discount, or the reason why not",
            content = @Content(schema = @Schema(implementation = RedemptionDecision.class)))
    @ApiResponse(responseCode = "429", description = "TOO_MANY_ATTEMPTS: too many unknown codes from this client",
            headers = @Header(name = "Retry-After", description = "seconds to wait",
                    schema = @Schema(type = "integer")))
    public ResponseEntity<?> validate(@RequestBody RedemptionRequest request) {
        RedemptionDecision decision = send(request.urlToken() != null
                ? new ValidateUrlTokenCommand(request.urlToken(), request.order())
                : new ValidateCodeCommand(request.code(), request.order()), request);
        return decision.reason() == RejectionReason.TOO_MANY_ATTEMPTS ? rejection(decision)
                : ResponseEntity.ok(decision);
    }

    @PostMapping
    @Operation(summary = "Redeem a code (or URL token) for an order",
            description = "Idempotent per code and order id: a repeat answers the first decision and counts "
                    + "nothing. Rejections are 422 problems whose code is the reason (EXPIRED, EXHAUSTED, ...); "
                    + "too many unknown codes from one client is 429 with Retry-After.")
    @ApiResponse(responseCode = "201", description = "Redeemed: the use was recorded",
            headers = @Header(name = "Location", description = "the redemption", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = RedemptionDecision.class)))
    @ApiResponse(responseCode = "200", description = "Repeated: this code was already redeemed for this order; "
            + "the first decision, nothing counted again",
            content = @Content(schema = @Schema(implementation = RedemptionDecision.class)))
    @ApiResponse(responseCode = "409", description = "REDEMPTION_REVERSED: this code's redemption for this order was "
            + "reversed; a new order id redeems anew")
    @ApiResponse(responseCode = "422", description = "INVALID_FIELDS, or the rejection: code is the reason "
            + "(UNKNOWN_CODE, EXPIRED, EXHAUSTED, ...), also in reason, with campaignId when the code is known")
    @ApiResponse(responseCode = "429", description = "TOO_MANY_ATTEMPTS: too many unknown codes from this client",
            headers = @Header(name = "Retry-After", description = "seconds to wait",
                    schema = @Schema(type = "integer")))
    public ResponseEntity<?> redeem(@RequestBody RedemptionRequest request) {
        RedemptionDecision decision = send(request.urlToken() != null
                ? new RedeemUrlTokenCommand(request.urlToken(), request.order())
                : new RedeemCodeCommand(request.code(), request.order()), request);
        if (!decision.accepted()) {
            return rejection(decision);
        }
        if (decision.repeated()) {
            return ResponseEntity.ok(decision);
        }
        return ResponseEntity.created(URI.create("/api/redemptions/" + decision.redemptionId())).body(decision);
    }

    @PostMapping("/reversal")
    @Operation(summary = "Reverse a redemption (order cancelled or refunded): the use is given back",
            description = "Name it by redemptionId, or by code and orderId. Reversing twice changes nothing; "
                    + "an unknown redemption is 404.")
    @ApiResponse(responseCode = "200", description = "Reversed (alreadyReversed: by an earlier request)")
    @ApiResponse(responseCode = "404", description = "REDEMPTION_NOT_FOUND")
    public RedemptionReversal reverse(@RequestBody ReversalRequest request) {
        return reverse(redemptionId(request), request.reason());
    }

    @PostMapping("/{redemptionId}/reversal")
    @Operation(summary = "Reverse a redemption by its id")
    @ApiResponse(responseCode = "200", description = "Reversed (alreadyReversed: by an earlier request)")
    @ApiResponse(responseCode = "404", description = "REDEMPTION_NOT_FOUND")
    public RedemptionReversal reverseById(@PathVariable UUID redemptionId,
                                          @RequestBody(required = false) ReversalReason request) {
        return reverse(new RedemptionId(redemptionId), request == null ? null : request.reason());
    }

    private RedemptionReversal reverse(RedemptionId redemptionId, String reason) {
        return commands.sendForResult(new ReverseRedemptionCommand(redemptionId, reason), RedemptionReversal.class);
    }

    private RedemptionDecision send(Object command, RedemptionRequest request) {
        if (request.code() != null && request.urlToken() != null) {
            throw ApiProblemException.badParameter("urlToken", "send either code or urlToken, not both");
        }
        return commands.sendForResult(command, RedemptionDecision.class);
    }

    private static RedemptionId redemptionId(ReversalRequest request) {
        if (request.redemptionId() != null) {
            return new RedemptionId(request.redemptionId());
        }
        if (request.code() == null || request.code().isBlank() || request.orderId() == null
                || request.orderId().isBlank()) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_FIELDS",
                    "Name the redemption by redemptionId, or by code and orderId.",
                    List.of(new FieldViolation("redemptionId",
                            "is required unless code and orderId are given")));
        }
        return RedemptionId.of(request.code(), request.orderId());
    }

    private static ResponseEntity<ProblemDetail> rejection(RedemptionDecision decision) {
        boolean throttled = decision.reason() == RejectionReason.TOO_MANY_ATTEMPTS;
        ProblemDetail problem = ProblemResponses.problem(
                throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNPROCESSABLE_CONTENT,
                decision.reason().name(), decision.message(), List.of());
        problem.setProperty("reason", decision.reason().name());
        if (decision.campaignId() != null) {
            problem.setProperty("campaignId", decision.campaignId());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        if (throttled) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        }
        return response.body(problem);
    }
}
