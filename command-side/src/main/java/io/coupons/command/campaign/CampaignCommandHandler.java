package io.coupons.command.campaign;

import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.campaign.ChangeCampaignCodeCommand;
import io.coupons.api.campaign.CreateCampaignCommand;
import io.coupons.api.campaign.LinkDiscountRuleCommand;
import io.coupons.api.code.CouponCode;
import io.coupons.api.common.CommandAccepted;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.command.code.CampaignCodeRegistry;
import io.coupons.command.code.CouponCodes;
import io.coupons.command.common.CommandRejectedException;
import io.coupons.command.common.Violations;
import io.coupons.command.rule.DiscountRule;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Campaign commands that need I/O before the aggregate decides: the campaign code registry and the
 * registry of redeemable codes (set validation in the command's own transaction), and the linked
 * discount rule. A single-code campaign's code is a redeemable code, so it is in both registries.
 */
@Component
public class CampaignCommandHandler {

    private final Repository<Campaign> campaigns;
    private final Repository<DiscountRule> discountRules;
    private final CampaignCodeRegistry codes;
    private final CouponCodes couponCodes;
    private final UrlTokens urlTokens;
    private final Clock clock;

    public CampaignCommandHandler(Repository<Campaign> campaigns, Repository<DiscountRule> discountRules,
                                  CampaignCodeRegistry codes, CouponCodes couponCodes, UrlTokens urlTokens,
                                  Clock clock) {
        this.campaigns = campaigns;
        this.discountRules = discountRules;
        this.codes = codes;
        this.couponCodes = couponCodes;
        this.urlTokens = urlTokens;
        this.clock = clock;
    }

    /**
     * A creation whose id already exists is a retry (ids come from the Idempotency-Key): it is
     * answered by the campaign, or refused when it asks for something else, before any rule is
     * checked again (a retried request stays the same request when its expiry has passed since).
     * Racing first creations of one id: the code claim makes the second wait for the first's
     * commit (same code), or the event store's key fails the second's append (another code) and
     * the command bus handles it again, now finding the campaign.
     */
    @CommandHandler
    public CommandAccepted handle(CreateCampaignCommand command) throws Exception {
        String code = CouponCode.normalise(command.code());
        Optional<Aggregate<Campaign>> existing = command.campaignId() == null ? Optional.empty()
                : find(command.campaignId());
        if (existing.isPresent()) {
            return existing.get().invoke(c -> c.repeatCreation(requested(command, code, null)));
        }
        Violations violations = new Violations();
        violations.addIf(command.campaignId() == null, "campaignId", "is required");
        String codeProblem = CouponCode.campaignCodeProblem(code);
        violations.addIf(codeProblem != null, "code", codeProblem);
        violations.addIf(command.type() == null, "type", "is required: SINGLE_CODE, BULK_POOL or URL_TOKEN");
        CampaignPolicy.checkUsesPerCode(violations, command.usesPerCode());
        CampaignPolicy.checkSchedule(violations, command.startsAt(), command.expiresAt(), clock.instant());
        violations.throwIfAny();
        if (command.discountRuleId() != null) {
            requireLinkable(command.discountRuleId());
        }
        CampaignCodeRegistry.Claim claim = codes.claim(code, command.campaignId());
        if (claim == CampaignCodeRegistry.Claim.TAKEN) {
            throw codeTaken(code);
        }
        if (claim == CampaignCodeRegistry.Claim.ALREADY_HELD) {
            // A retry of a create that committed while this one waited for the code (same id, same code).
            return campaigns.load(command.campaignId().toString())
                    .invoke(c -> c.repeatCreation(requested(command, code, null)));
        }
        if (command.type() == CampaignType.SINGLE_CODE && !couponCodes.reserveSingle(code, command.campaignId())) {
            throw codeTaken(code);
        }
        String urlToken = command.type() == CampaignType.URL_TOKEN ? urlTokens.next() : null;
        CampaignCreatedEvent created = requested(command, code, urlToken);
        campaigns.newInstance(() -> new Campaign(created));
        return new CommandAccepted(command.campaignId().value(), 0);
    }

    @CommandHandler
    public CommandAccepted handle(ChangeCampaignCodeCommand command) {
        String code = CouponCode.normalise(command.code());
        String codeProblem = CouponCode.campaignCodeProblem(code);
        if (codeProblem != null) {
            throw CommandRejectedException.invalid("code", codeProblem);
        }
        Aggregate<Campaign> campaign = campaigns.load(command.campaignId().toString());
        String previous = campaign.invoke(Campaign::code);
        CommandAccepted accepted = campaign.invoke(c -> c.changeCode(code));
        if (!previous.equals(code)) {
            if (codes.claim(code, command.campaignId()) == CampaignCodeRegistry.Claim.TAKEN
                    || !couponCodes.reserveSingle(code, command.campaignId())) {
                throw codeTaken(code);
            }
            codes.release(previous, command.campaignId());
            couponCodes.release(previous, command.campaignId());
        }
        return accepted;
    }

    @CommandHandler
    public CommandAccepted handle(LinkDiscountRuleCommand command) {
        if (command.discountRuleId() == null) {
            throw CommandRejectedException.invalid("discountRuleId", "is required");
        }
        Aggregate<Campaign> campaign = campaigns.load(command.campaignId().toString());
        requireLinkable(command.discountRuleId());
        return campaign.invoke(c -> c.linkDiscountRule(command.discountRuleId()));
    }

    private static CampaignCreatedEvent requested(CreateCampaignCommand command, String code, String urlToken) {
        return new CampaignCreatedEvent(command.campaignId(), code, command.type(), command.discountRuleId(),
                command.usesPerCode(), command.startsAt(), command.expiresAt(), urlToken);
    }

    private Optional<Aggregate<Campaign>> find(CampaignId id) {
        try {
            return Optional.of(campaigns.load(id.toString()));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    private void requireLinkable(DiscountRuleId ruleId) {
        Aggregate<DiscountRule> rule;
        try {
            rule = discountRules.load(ruleId.toString());
        } catch (AggregateNotFoundException e) {
            throw CommandRejectedException.invalid("discountRuleId", "no discount rule with id " + ruleId);
        }
        if (rule.invoke(DiscountRule::isRetired)) {
            throw CommandRejectedException.invalid("discountRuleId", "discount rule " + ruleId + " is retired");
        }
    }

    private static CommandRejectedException codeTaken(String code) {
        return CommandRejectedException.conflict("CAMPAIGN_CODE_TAKEN",
                "Another campaign already uses the code " + code + ".");
    }
}
