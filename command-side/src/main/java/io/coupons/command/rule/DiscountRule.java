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
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/** A reusable definition of what a code gives and when it applies. */
@Aggregate
public class DiscountRule {

    @AggregateIdentifier
    private DiscountRuleId ruleId;
    private String name;
    private DiscountTerms terms;
    private boolean retired;

    protected DiscountRule() {
        // for Axon
    }

    @CommandHandler
    public DiscountRule(CreateDiscountRuleCommand command) {
        DiscountTermsPolicy.check(command.name(), command.terms()).throwIfAny();
        apply(new DiscountRuleCreatedEvent(command.ruleId(), command.name().strip(), command.terms()));
    }

    @CommandHandler
    public CommandAccepted handle(ReviseDiscountRuleCommand command) {
        if (retired) {
            throw CommandRejectedException.conflict("DISCOUNT_RULE_RETIRED",
                    "Discount rule " + ruleId + " is retired and can no longer be edited.");
        }
        DiscountTermsPolicy.check(command.name(), command.terms()).throwIfAny();
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
