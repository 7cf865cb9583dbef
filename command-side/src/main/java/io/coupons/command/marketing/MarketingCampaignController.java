package io.coupons.command.marketing;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.marketing.DefineMarketingCampaignCommand;
import io.coupons.api.marketing.MarketingCampaignId;
import io.coupons.command.web.CommandSender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Marketing campaigns")
public class MarketingCampaignController {

    private final CommandSender commands;

    public MarketingCampaignController(CommandSender commands) {
        this.commands = commands;
    }

    public record MarketingCampaignRequest(@Nullable String description) {
    }

    @PutMapping("/api/marketing-campaigns/{name}")
    @Operation(summary = "Define a marketing campaign, or change its description",
            description = "Rules may then name it in terms.marketingCampaign (exactly: the name is case-sensitive). "
                    + "The name: 1-" + MarketingCampaign.MAX_NAME + " characters, no control characters, no white "
                    + "space at either end. The description is optional, at most " + MarketingCampaign.MAX_DESCRIPTION
                    + " characters. The same description again records nothing.")
    @ApiResponse(responseCode = "200", description = "Defined (or described anew, or unchanged)")
    @ApiResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION")
    public CommandAccepted define(@PathVariable String name, @RequestBody MarketingCampaignRequest request) {
        return commands.send(new DefineMarketingCampaignCommand(MarketingCampaignId.of(name), name,
                request.description()));
    }
}
