package io.coupons.command.marketing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.marketing.DefineMarketingCampaignCommand;
import io.coupons.api.marketing.MarketingCampaignDefinedEvent;
import io.coupons.api.marketing.MarketingCampaignDescribedEvent;
import io.coupons.api.marketing.MarketingCampaignId;
import io.coupons.command.common.Texts;
import io.coupons.command.common.Violations;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A marketing campaign that discount rules name in {@code terms.marketingCampaign}: a name (which
 * is its identity, see {@link MarketingCampaignId}) and a description. Defining it the first time
 * records {@link MarketingCampaignDefinedEvent}; defining it again with another description records
 * {@link MarketingCampaignDescribedEvent}; with the same one, nothing.
 */
@Aggregate
public class MarketingCampaign {

    static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 500;

    @AggregateIdentifier
    private MarketingCampaignId marketingCampaignId;
    private String description;

    protected MarketingCampaign() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandAccepted handle(DefineMarketingCampaignCommand command) {
        Violations violations = new Violations();
        Texts.name(violations, "name", command.name(), MAX_NAME);
        Texts.optional(violations, "description", command.description(), MAX_DESCRIPTION);
        if (command.description() != null) {
            String control = Texts.controlProblem(command.description().replaceAll("[\t\r\n]", " "));
            violations.addIf(control != null, "description", control);
        }
        violations.addIf(command.name() != null && !MarketingCampaignId.of(command.name())
                .equals(command.marketingCampaignId()), "marketingCampaignId", "must be derived from the name "
                + "(MarketingCampaignId.of(name))");
        violations.throwIfAny();
        if (marketingCampaignId == null) {
            apply(new MarketingCampaignDefinedEvent(command.marketingCampaignId(), command.name(),
                    command.description()));
        } else if (!Objects.equals(description, command.description())) {
            apply(new MarketingCampaignDescribedEvent(marketingCampaignId, command.description()));
        }
        return new CommandAccepted(command.marketingCampaignId().value(), AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(MarketingCampaignDefinedEvent event) {
        marketingCampaignId = event.marketingCampaignId();
        description = event.description();
    }

    @EventSourcingHandler
    void on(MarketingCampaignDescribedEvent event) {
        description = event.description();
    }
}
