package io.coupons.command.redemption;

import static io.coupons.command.redemption.RedemptionTestData.CAMPAIGN;
import static io.coupons.command.redemption.RedemptionTestData.NOW;

import io.coupons.api.batch.BatchId;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.Discount;
import io.coupons.api.redemption.LineDiscount;
import io.coupons.api.redemption.RedemptionDecision;
import io.coupons.api.redemption.RedemptionId;
import io.coupons.api.redemption.RedemptionReversal;
import io.coupons.api.redemption.RedemptionReversedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aggregate has no {@code @CommandHandler}s: {@link RedemptionCommandHandler} loads it from the
 * repository and calls its package-private methods, after database work (locks, usage ledger) that a
 * unit test cannot do. So the fixture drives it through {@link Calls}, a test-only handler that does
 * exactly the repository part of the real one: load, {@code invoke}, return the answer. That keeps
 * the fixture's checks (events applied, state changed only in event-sourcing handlers) without a
 * database or mocks.
 */
class RedemptionTest {

    private static final RedemptionId ID = RedemptionId.of("SUMMER10", "order-1");
    private static final BatchId BATCH = new BatchId(UUID.fromString("0b7d3c1e-9f2a-4c6b-8e5d-1a2b3c4d5e6f"));
    private static final Discount DISCOUNT = new Discount("USD",
            List.of(new LineDiscount(0, "V1", new BigDecimal("6.00")),
                    new LineDiscount(1, "V2", new BigDecimal("4.00"))),
            new BigDecimal("10.00"), true, new BigDecimal("4.99"), new BigDecimal("0.00"), new BigDecimal("14.99"),
            "Summer sale");
    private static final Instant REDEEMED_AT = NOW.minusSeconds(3600);
    private static final CodeRedeemedEvent REDEEMED = new CodeRedeemedEvent(ID, "SUMMER10", CAMPAIGN, BATCH,
            "order-1", "acct-1", REDEEMED_AT, false, true, false, new BigDecimal("100.00"), DISCOUNT,
            "5e1b0c7d");

    private AggregateTestFixture<Redemption> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Redemption.class);
        fixture.registerAnnotatedCommandHandler(new Calls(fixture.getRepository()));
    }

    @Test
    void recordsTheRedemptionAsItsFirstEvent() {
        fixture.givenNoPriorActivity()
                .when(new Record(REDEEMED))
                .expectEvents(REDEEMED);
    }

    @Test
    void reversingGivesTheUseBackOnceWithTheOriginalCodeCampaignAndAmount() {
        fixture.given(REDEEMED)
                .when(new Reverse(ID, "order cancelled", NOW))
                .expectEvents(new RedemptionReversedEvent(ID, "SUMMER10", CAMPAIGN, BATCH, "order-1", "acct-1", NOW,
                        "order cancelled", "USD", new BigDecimal("14.99")))
                .expectResultMessagePayload(new RedemptionReversal(ID.value(), "SUMMER10", "order-1", NOW, false));
    }

    @Test
    void reversingAgainChangesNothingAndSaysItWasAlreadyReversed() {
        Instant firstReversal = NOW.minusSeconds(60);
        fixture.given(REDEEMED, new RedemptionReversedEvent(ID, "SUMMER10", CAMPAIGN, BATCH, "order-1", "acct-1",
                        firstReversal, "order cancelled", "USD", new BigDecimal("14.99")))
                .when(new Reverse(ID, "refunded", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new RedemptionReversal(ID.value(), "SUMMER10", "order-1", firstReversal, true));
    }

    @Test
    void repeatedRequestGetsTheOriginalDiscountMarkedRepeated() {
        fixture.given(REDEEMED)
                .when(new AskDecision(ID))
                .expectNoEvents()
                .expectResultMessagePayload(new RedemptionDecision(true, null, null, ID.value(), "SUMMER10", CAMPAIGN.value(),
                        DISCOUNT, true, null));
    }

    record Record(CodeRedeemedEvent event) {
    }

    record Reverse(@TargetAggregateIdentifier RedemptionId redemptionId, String reason, Instant now) {
    }

    record AskDecision(@TargetAggregateIdentifier RedemptionId redemptionId) {
    }

    /** The repository half of {@link RedemptionCommandHandler}, nothing else. */
    static final class Calls {

        private final Repository<Redemption> redemptions;

        Calls(Repository<Redemption> redemptions) {
            this.redemptions = redemptions;
        }

        @CommandHandler
        public RedemptionId handle(Record command) throws Exception {
            redemptions.newInstance(() -> new Redemption(command.event()));
            return command.event().redemptionId();
        }

        @CommandHandler
        public RedemptionReversal handle(Reverse command) {
            return redemptions.load(command.redemptionId().toString())
                    .invoke(r -> r.reverse(command.reason(), command.now()));
        }

        @CommandHandler
        public RedemptionDecision handle(AskDecision command) {
            return redemptions.load(command.redemptionId().toString()).invoke(Redemption::decision);
        }
    }
}
