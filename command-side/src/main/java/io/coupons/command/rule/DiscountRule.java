package io.coupons.command.rule;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.rule.CreateDiscountRuleCommand;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountRuleRetiredEvent;
import io.coupons.api.rule.DiscountRuleRevisedEvent;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.api.rule.ReviseDiscountRuleCommand;
import io.coupons.api.rule.RetireDiscountRuleCommand;
import io.coupons.command.common.CommandRejectedException;
import io.coupons.command.marketing.MarketingCampaigns;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A reusable definition of what a code gives and when it applies. Its handlers are given
 * {@link MarketingCampaigns} (a Spring bean, resolved by Axon as {@code Campaign} gets its clock) for
 * the one terms rule that is a set check on the command side.
 */
@Aggregate
public class DiscountRule {

    @AggregateIdentifier
    private DiscountRuleId ruleId;
    private String name;
    private DiscountTerms terms;
    private boolean retired;
    /** What the creation asked for, to tell a repeat of it from another request with the same id. */
    private DiscountRuleCreatedEvent creation;

    protected DiscountRule() {
        // for Axon
    }

    /**
     * Creates the rule, or, when the id exists (a retry with the same Idempotency-Key), answers it
     * for the same request (the name and terms it was created with; {@code 20} and {@code 20.0} are
     * different terms) and refuses any other. Two instances creating one id at once: the second's
     * append fails at the event store's key, and the command bus handles it again, as a repeat.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandAccepted handle(CreateDiscountRuleCommand command, MarketingCampaigns marketingCampaigns) {
        if (ruleId != null) {
            if (!Objects.equals(creation.name(), command.name() == null ? null : command.name().strip())
                    || !Objects.equals(creation.terms(), command.terms())) {
                throw CommandRejectedException.idempotencyKeyReused("discount rule '" + creation.name() + "'");
            }
            return accepted();
        }
        DiscountTermsPolicy.checkMarketingCampaign(DiscountTermsPolicy.check(command.name(), command.terms()),
                command.terms(), null, marketingCampaigns).throwIfAny();
        apply(new DiscountRuleCreatedEvent(command.ruleId(), command.name().strip(), command.terms()));
        return new CommandAccepted(command.ruleId().value(), 0);
    }

    @CommandHandler
    public CommandAccepted handle(ReviseDiscountRuleCommand command, MarketingCampaigns marketingCampaigns) {
        if (retired) {
            throw CommandRejectedException.conflict("DISCOUNT_RULE_RETIRED",
                    "Discount rule " + ruleId + " is retired and can no longer be edited.");
        }
        DiscountTermsPolicy.checkMarketingCampaign(DiscountTermsPolicy.check(command.name(), command.terms()),
                command.terms(), terms.marketingCampaign(), marketingCampaigns).throwIfAny();
        String newName = command.name().strip();
        if (!newName.equals(name) || !Objects.equals(terms, command.terms())) {
            apply(new DiscountRuleRevisedEvent(ruleId, newName, command.terms()));
        }
        return accepted();
    }

    @CommandHandler
    public CommandAccepted handle(RetireDiscountRuleCommand command) {
        if (!retired) {
            apply(new DiscountRuleRetiredEvent(ruleId));
        }
        return accepted();
    }

    /** Whether new campaigns may still link to this rule. */
    public boolean isRetired() {
        return retired;
    }

    private CommandAccepted accepted() {
        return new CommandAccepted(ruleId.value(), AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(DiscountRuleCreatedEvent event) {
        creation = event;
        ruleId = event.ruleId();
        name = event.name();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(DiscountRuleRevisedEvent event) {
        name = event.name();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(DiscountRuleRetiredEvent event) {
        retired = true;
    }
}
