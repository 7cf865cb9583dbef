package io.coupons.command.variantgroup;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.variantgroup.DefineVariantGroupCommand;
import io.coupons.api.variantgroup.VariantGroupId;
import io.coupons.command.common.Violations;
import io.coupons.command.web.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Variant targeting groups")
public class VariantGroupController {

    private final CommandSender commands;

    public VariantGroupController(CommandSender commands) {
        this.commands = commands;
    }

    public record VariantGroupRequest(List<String> variantIds) {
    }

    @PutMapping("/api/variant-groups/{name}")
    @Operation(summary = "Create or replace a promo variant targeting group",
            description = "Rules that name the group in variantTargetingGroup apply to its variants.")
    public CommandAccepted define(@PathVariable String name, @RequestBody VariantGroupRequest request) {
        if (request.variantIds() != null) {
            Violations size = new Violations();
            VariantGroup.checkSize(size, request.variantIds());
            size.throwIfAny();
        }
        return commands.send(new DefineVariantGroupCommand(VariantGroupId.of(name), name, request.variantIds()));
    }
}
