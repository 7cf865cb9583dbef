package io.coupons.command.rule;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.rule.CreateDiscountRuleCommand;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.api.rule.ReviseDiscountRuleCommand;
import io.coupons.api.rule.RetireDiscountRuleCommand;
import io.coupons.command.web.CommandSender;
import io.coupons.command.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/discount-rules")
@Tag(name = "Discount rules")
public class DiscountRuleController {

    private final CommandSender commands;

    public DiscountRuleController(CommandSender commands) {
        this.commands = commands;
    }

    public record DiscountRuleRequest(String name, DiscountTerms terms) {
    }

    @PostMapping
    @Operation(summary = "Create a discount rule",
            description = "Send an Idempotency-Key header to make retries safe: the same key answers the same rule.")
    @ApiResponse(responseCode = "201",
            description = "Created (also when an Idempotency-Key retry answers the rule it created)",
            headers = @Header(name = "Location", description = "the new resource", schema = @Schema(type = "string")))
    public ResponseEntity<CommandAccepted> create(@RequestBody DiscountRuleRequest request,
                                                  @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                  String idempotencyKey) {
        UUID id = IdempotencyKeys.idFor("discount-rule", idempotencyKey, UUID::randomUUID);
        CommandAccepted accepted = commands.send(
                new CreateDiscountRuleCommand(new DiscountRuleId(id), request.name(), request.terms()));
        return ResponseEntity.created(URI.create("/api/discount-rules/" + id)).body(accepted);
    }

    @PutMapping("/{ruleId}")
    @Operation(summary = "Revise a rule's name and terms (replaces them as a whole)")
    @ApiResponse(responseCode = "200", description = "Revised (or unchanged: same name and terms)")
    @ApiResponse(responseCode = "409", description = "DISCOUNT_RULE_RETIRED: a retired rule is not revised")
    public CommandAccepted revise(@PathVariable UUID ruleId, @RequestBody DiscountRuleRequest request) {
        return commands.send(new ReviseDiscountRuleCommand(new DiscountRuleId(ruleId), request.name(),
                request.terms()));
    }

    @PostMapping("/{ruleId}/retire")
    @Operation(summary = "Retire a rule: no new links; campaigns already linked keep it")
    public CommandAccepted retire(@PathVariable UUID ruleId) {
        return commands.send(new RetireDiscountRuleCommand(new DiscountRuleId(ruleId)));
    }
}
