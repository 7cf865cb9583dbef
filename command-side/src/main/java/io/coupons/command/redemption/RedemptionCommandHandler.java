package io.coupons.command.redemption;

import static io.coupons.api.redemption.RejectionReason.ALREADY_USED_BY_ACCOUNT;
import static io.coupons.api.redemption.RejectionReason.EXHAUSTED;
import static io.coupons.api.redemption.RejectionReason.UNKNOWN_CODE;

import io.coupons.api.code.CouponCode;
import io.coupons.api.common.AuditMetadata;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.api.redemption.RedeemCodeCommand;
import io.coupons.api.redemption.RedeemUrlTokenCommand;
import io.coupons.api.redemption.RedemptionDecision;
import io.coupons.api.redemption.RedemptionId;
import io.coupons.api.redemption.RedemptionReversal;
import io.coupons.api.redemption.ReverseRedemptionCommand;
import io.coupons.api.redemption.ValidateCodeCommand;
import io.coupons.api.redemption.ValidateUrlTokenCommand;
import io.coupons.command.common.CommandRejectedException;
import io.coupons.command.promo.PromoInventory;
import io.coupons.command.common.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Validate, redeem and reverse. One transaction per command: look the code up, check the order
 * against the rule ({@link RedemptionPolicy}), then let the database take the use and the
 * account's use ({@link UsageLedger}) and record the {@link Redemption}, all committing together.
 * A "no" from the policy or the ledger is an answer, not an error: nothing is written and the
 * checkout gets the reason.
 */
@Component
public class RedemptionCommandHandler {

    private final Repository<Redemption> redemptions;
    private final RedeemableCodes codes;
    private final UsageLedger ledger;
    private final LookupThrottle throttle;
    private final VariantGroups variantGroups;
    private final RedemptionProperties settings;
    private final Clock clock;
    private final PromoInventory promoInventory;
    private final RedemptionMetrics metrics;

    public RedemptionCommandHandler(Repository<Redemption> redemptions, RedeemableCodes codes, UsageLedger ledger,
                                    LookupThrottle throttle, VariantGroups variantGroups,
                                    RedemptionProperties settings, Clock clock, PromoInventory promoInventory,
                                    RedemptionMetrics metrics) {
        this.promoInventory = promoInventory;
        this.metrics = metrics;
        this.redemptions = redemptions;
        this.codes = codes;
        this.ledger = ledger;
        this.throttle = throttle;
        this.variantGroups = variantGroups;
        this.settings = settings;
        this.clock = clock;
    }

    @CommandHandler
    public RedemptionDecision handle(ValidateCodeCommand command, @MetaDataValue(AuditMetadata.USER) String caller) {
        return metrics.count(decide(new Request("code", command.code(), false, command.order(), caller), false), false);
    }

    @CommandHandler
    public RedemptionDecision handle(RedeemCodeCommand command, @MetaDataValue(AuditMetadata.USER) String caller) {
        return metrics.count(decide(new Request("code", command.code(), false, command.order(), caller), true), true);
    }

    @CommandHandler
    public RedemptionDecision handle(ValidateUrlTokenCommand command,
                                     @MetaDataValue(AuditMetadata.USER) String caller) {
        return metrics.count(decide(new Request("token", command.token(), true, command.order(), caller), false),
                false);
    }

    @CommandHandler
    public RedemptionDecision handle(RedeemUrlTokenCommand command, @MetaDataValue(AuditMetadata.USER) String caller) {
        return metrics.count(decide(new Request("token", command.token(), true, command.order(), caller), true), true);
    }

    @CommandHandler
    public RedemptionReversal handle(ReverseRedemptionCommand command) {
        if (command.redemptionId() == null) {
            throw CommandRejectedException.invalid("redemptionId", "is required");
        }
        if (command.reason() != null && command.reason().length() > 500) {
            throw CommandRejectedException.invalid("reason", "is at most 500 characters");
        }
        ledger.lock(command.redemptionId());
        Aggregate<Redemption> redemption = find(command.redemptionId())
                .orElseThrow(() -> CommandRejectedException.notFound("REDEMPTION_NOT_FOUND",
                        "No redemption " + command.redemptionId() + " to reverse."));
        RedemptionReversal reversal = redemption.invoke(r -> r.reverse(command.reason(), clock.instant()));
        if (!reversal.alreadyReversed()) {
            CodeRedeemedEvent redeemed = redemption.invoke(Redemption::redeemed);
            if (redeemed.countedAgainstLimit()) {
                if (redeemed.promoBatchId() != null) {
                    promoInventory.giveUseBack(redeemed.promoBatchId(), redeemed.code(), redeemed.inventorySet());
                } else {
                    ledger.giveUseBack(redeemed.campaignId(), redeemed.code());
                }
            }
            if (redeemed.heldAccountUse()) {
                UUID owner = redeemed.promoBatchId() != null ? redeemed.promoBatchId().value()
                        : redeemed.campaignId().value();
                ledger.releaseAccountUse(owner, redeemed.code(), redeemed.accountId(), redeemed.redemptionId());
            }
        }
        return reversal;
    }

    private RedemptionDecision decide(Request request, boolean record) {
        Violations violations = new Violations();
        CouponCode typedCode = request.token() ? null : OrderContextPolicy.code(violations, request.field(),
                request.typed());
        String token = request.token() ? OrderContextPolicy.token(violations, request.field(), request.typed()) : null;
        OrderContextPolicy.check(violations, request.order());
        violations.throwIfAny();
        OrderContext order = request.order();
        LookupClient client = LookupClient.of(order.accountId(), request.caller());
        long wait = throttle.waitSeconds(client);
        if (wait > 0) {
            return RedemptionDecision.throttled(wait);
        }
        RedeemableCodes.Lookup lookup = request.token() ? codes.byUrlToken(token, client)
                : codes.byCode(typedCode, client);
        // Blocked by misses on another instance: refused here too, a hit as well as a miss.
        wait = throttle.waitSeconds(client, lookup.blocks());
        if (wait > 0) {
            return RedemptionDecision.throttled(wait);
        }
        Optional<RedeemableCode> found = lookup.code();
        if (found.isEmpty()) {
            recordMissAfterCommit(client);
            // The same words for every unknown code: the answer must not tell a guesser anything.
            return RedemptionDecision.rejected(UNKNOWN_CODE,
                    request.token() ? "This link is not valid." : "This code is not valid.", null, null);
        }
        RedeemableCode code = found.get();
        boolean oneUsePerAccount = code.terms() != null && code.terms().oneUsePerAccount();
        if (oneUsePerAccount && (order.accountId() == null || order.accountId().isBlank())) {
            throw CommandRejectedException.invalid("order.accountId",
                    "is required: " + code.code() + " allows one use per account");
        }
        Instant now = clock.instant();
        Verdict verdict = RedemptionPolicy.decide(code, order, now, groupVariants(code, order),
                otherCodesCountingLimit(code, order), settings);
        RedemptionId redemptionId = RedemptionId.of(code.code(), order.orderId());
        if (!verdict.accepted()) {
            // A repeat of a recorded redemption answers what it answered then, whatever changed since.
            if (record && ledger.redemptionRecorded(redemptionId)) {
                return earlierAnswer(redemptionId, order);
            }
            return RedemptionDecision.rejected(verdict.reason(), verdict.message(), code.code(),
                    code.campaignUuid());
        }
        return record ? redeem(code, order, redemptionId, oneUsePerAccount, request.token(), verdict, now)
                : usageAllows(code, order, oneUsePerAccount, verdict);
    }

    /**
     * Claims the (code, order) key first, so a repeat or a racing retry stops here with the
     * recorded answer before anything is counted; then the account's use, then a use of the code
     * (the hot row, locked last so for the shortest time). A refusal undoes the claims it made.
     * Campaign codes make these claims in one statement; promo codes take their use through the
     * batch's inventory ({@link PromoInventory}), under its lock.
     */
    private RedemptionDecision redeem(RedeemableCode code, OrderContext order, RedemptionId redemptionId,
                                      boolean oneUsePerAccount, boolean viaToken, Verdict verdict, Instant now) {
        if (!code.promo()) {
            return redeemCampaignCode(code, order, redemptionId, oneUsePerAccount, viaToken, verdict, now);
        }
        if (!ledger.claimRedemption(redemptionId)) {
            return earlierAnswer(redemptionId, order);
        }
        if (oneUsePerAccount
                && !ledger.holdAccountUse(code.ownerId(), code.code(), order.accountId(), redemptionId)) {
            giveClaimsBack(code, order, redemptionId, false);
            return usedByAccount(code);
        }
        Integer inventorySet = null;
        if (code.limited()) {
            Optional<Integer> counted = promoInventory.takeUse(code.promoBatchId(), code.code());
            if (counted.isEmpty()) {
                giveClaimsBack(code, order, redemptionId, oneUsePerAccount);
                return exhausted(code);
            }
            inventorySet = counted.get();
        }
        return record(code, order, redemptionId, oneUsePerAccount, viaToken, verdict, now, inventorySet);
    }

    /** A campaign code: key, account's use and code's use in one statement; a refusal gives back what it took. */
    private RedemptionDecision redeemCampaignCode(RedeemableCode code, OrderContext order, RedemptionId redemptionId,
                                                  boolean oneUsePerAccount, boolean viaToken, Verdict verdict,
                                                  Instant now) {
        UsageLedger.Claim claim = ledger.claim(redemptionId, code.campaignId(), code.code(), order.accountId(),
                oneUsePerAccount, code.usesPerCode());
        if (!claim.key()) {
            return earlierAnswer(redemptionId, order);
        }
        if (oneUsePerAccount && !claim.accountUse()) {
            giveClaimsBack(code, order, redemptionId, false);
            return usedByAccount(code);
        }
        if (code.limited() && !claim.codeUse()) {
            giveClaimsBack(code, order, redemptionId, oneUsePerAccount);
            return exhausted(code);
        }
        return record(code, order, redemptionId, oneUsePerAccount, viaToken, verdict, now, null);
    }

    /** A refusal after the claims: the account's use (when this redemption took it) and the key go back. */
    private void giveClaimsBack(RedeemableCode code, OrderContext order, RedemptionId redemptionId,
                                boolean heldAccountUse) {
        if (heldAccountUse) {
            ledger.releaseAccountUse(code.ownerId(), code.code(), order.accountId(), redemptionId);
        }
        ledger.releaseRedemption(redemptionId);
    }

    private RedemptionDecision record(RedeemableCode code, OrderContext order, RedemptionId redemptionId,
                                      boolean oneUsePerAccount, boolean viaToken, Verdict verdict, Instant now,
                                      Integer inventorySet) {
        CodeRedeemedEvent event = new CodeRedeemedEvent(redemptionId, code.code(), code.campaignId(), code.batchId(),
                order.orderId(), order.accountId(), now, viaToken, code.limited(), oneUsePerAccount,
                order.subtotal(), verdict.discount(), OrderFingerprint.of(order), code.promoBatchId(), inventorySet);
        try {
            redemptions.newInstance(() -> new Redemption(event));
        } catch (Exception e) {
            throw new IllegalStateException("Redemption " + redemptionId + " could not be recorded", e);
        }
        return new RedemptionDecision(true, null, null, redemptionId.value(), code.code(), code.campaignUuid(),
                verdict.discount(), false, null);
    }

    /** Validation reads the ledger without taking anything: a later redemption may still lose the race. */
    private RedemptionDecision usageAllows(RedeemableCode code, OrderContext order, boolean oneUsePerAccount,
                                           Verdict verdict) {
        if (oneUsePerAccount && ledger.accountHasUsed(code.ownerId(), code.code(), order.accountId())) {
            return usedByAccount(code);
        }
        boolean spent = code.promo() ? code.limited() && promoInventory.remaining(code.promoBatchId(), code.code()) < 1
                : code.limited() && ledger.used(code.campaignId(), code.code()) >= code.usesPerCode();
        if (spent) {
            return exhausted(code);
        }
        return new RedemptionDecision(true, null, null, null, code.code(), code.campaignUuid(),
                verdict.discount(), false, null);
    }

    /**
     * A repeat of a recorded (code, order) answers the first decision, but only if it is the same
     * request ({@link OrderFingerprint}): reusing the order id for a different order is a client bug
     * that answering "repeated" would hide (409, as payment APIs answer a reused idempotency key).
     * A reversed redemption cannot come back. Either way nothing is counted or recorded.
     */
    private RedemptionDecision earlierAnswer(RedemptionId redemptionId, OrderContext order) {
        Aggregate<Redemption> existing = find(redemptionId).orElseThrow(() -> new IllegalStateException(
                "Redemption " + redemptionId + " has its key but no events"));
        CodeRedeemedEvent recorded = existing.invoke(Redemption::redeemed);
        if (!OrderFingerprint.sameRequest(recorded, order)) {
            throw CommandRejectedException.conflict("IDEMPOTENCY_MISMATCH", "The code " + recorded.code()
                    + " was already redeemed for order " + recorded.orderId() + " with a different request (account, "
                    + "first-order flag, currency, amounts, lines or codes on the order). A retry must repeat the "
                    + "order as sent; another order needs its own order id.");
        }
        if (existing.invoke(Redemption::reversed)) {
            throw CommandRejectedException.conflict("REDEMPTION_REVERSED", "The redemption of this code for "
                    + "this order was reversed; a new redemption needs a new order id.");
        }
        return existing.invoke(Redemption::decision);
    }

    private Optional<Aggregate<Redemption>> find(RedemptionId redemptionId) {
        try {
            return Optional.of(redemptions.load(redemptionId.toString()));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    private Set<String> groupVariants(RedeemableCode code, OrderContext order) {
        String group = code.terms() == null ? null : code.terms().variantTargetingGroup();
        if (group == null || order.lines().isEmpty()) {
            return Set.of();
        }
        return variantGroups.membersAmong(group, order.lines().stream().map(OrderLine::variantId).toList());
    }

    /**
     * The miss is written in a transaction of its own once this one has committed and given its
     * connection back: taking a second connection while holding the first would let a burst of
     * guesses (exactly what this guards against) exhaust the pool with every thread waiting.
     */
    private void recordMissAfterCommit(LookupClient client) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> throttle.recordMiss(client));
        } else {
            throttle.recordMiss(client);
        }
    }

    /** Codes already on the order that count toward its code limit; unknown ones count, to be safe. */
    private int otherCodesCountingLimit(RedeemableCode code, OrderContext order) {
        if (order.codesOnOrder().isEmpty() || !code.countsTowardOrderLimit()) {
            return 0;
        }
        Set<String> others = new LinkedHashSet<>();
        for (String other : order.codesOnOrder()) {
            String normalized = CouponCode.parse(other).orElseThrow().value(); // checked by OrderContextPolicy
            if (!normalized.equals(code.code())) {
                others.add(normalized);
            }
        }
        if (others.isEmpty()) {
            return 0;
        }
        List<RedeemableCode> known = codes.byCodes(others);
        long stackable = known.stream().filter(c -> !c.countsTowardOrderLimit()).count();
        return (int) (others.size() - stackable);
    }

    private static RedemptionDecision usedByAccount(RedeemableCode code) {
        return RedemptionDecision.rejected(ALREADY_USED_BY_ACCOUNT,
                "This account has already used " + code.code() + ".", code.code(), code.campaignUuid());
    }

    private static RedemptionDecision exhausted(RedeemableCode code) {
        return RedemptionDecision.rejected(EXHAUSTED, "The code " + code.code() + " has no uses left.",
                code.code(), code.campaignUuid());
    }

    private record Request(String field, String typed, boolean token, OrderContext order, String caller) {
    }
}
