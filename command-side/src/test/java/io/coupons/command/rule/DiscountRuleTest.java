package io.coupons.command.rule;

import static io.coupons.command.common.RejectionMatchers.invalidField;
import static io.coupons.command.common.RejectionMatchers.rejected;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.common.CommandRejection;
import io.coupons.api.common.FieldViolation;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule a discount rule's terms must satisfy, one test each, on the aggregate alone. */
class DiscountRuleTest {

    private static final DiscountRuleId ID = new DiscountRuleId(UUID.randomUUID());

    private AggregateTestFixture<DiscountRule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DiscountRule.class);
        // The marketing campaigns defined in every test (the lookup the handlers are given).
        fixture.registerInjectableResource((MarketingCampaigns) Set.of("Spring launch")::contains);
    }

    static TermsBuilder terms() {
        return new TermsBuilder();
    }

    @Test
    void createsRuleWithPercentOffAndCap() {
        DiscountTerms terms = terms().percent("20").limit("50.00").currency("USD").build();
        fixture.givenNoPriorActivity()
                .when(new CreateDiscountRuleCommand(ID, "  Summer 20%  ", terms))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DiscountRuleCreatedEvent(ID, "Summer 20%", terms));
    }

    @Test
    void createsFreeShippingOnlyRule() {
        DiscountTerms terms = terms().freeShipping().build();
        fixture.givenNoPriorActivity()
                .when(new CreateDiscountRuleCommand(ID, "Free shipping", terms))
                .expectEvents(new DiscountRuleCreatedEvent(ID, "Free shipping", terms));
    }

    @Test
    void createsFlatRuleWithCreditFromOverageAndEveryOptionalField() {
        DiscountTerms terms = new DiscountTerms(null, null, false, new BigDecimal("20.00"), true, true, "USD", true,
                true, true, new BigDecimal("40"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), List.of("VAR-1", "VAR-2"), "spring-shoes", "Take $20 off",
                "DOLLAR_OFF", "Spring launch", "Marketing", "PROMO");
        fixture.givenNoPriorActivity()
                .when(new CreateDiscountRuleCommand(ID, "Twenty off", terms))
                .expectEvents(new DiscountRuleCreatedEvent(ID, "Twenty off", terms));
    }

    @Test
    void rejectsRuleWithoutName() {
        rejects(new CreateDiscountRuleCommand(ID, "  ", terms().freeShipping().build()), "name");
    }

    @Test
    void rejectsRuleThatGivesNothing() {
        rejects(create(terms()), "terms");
    }

    @Test
    void rejectsPercentAboveHundred() {
        rejects(create(terms().percent("100.01")), "terms.percentOff");
    }

    @Test
    void rejectsZeroPercent() {
        rejects(create(terms().percent("0")), "terms.percentOff");
    }

    @Test
    void acceptsHundredPercent() {
        fixture.givenNoPriorActivity().when(create(terms().percent("100"))).expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsPercentWithMoreThanTwoDecimals() {
        rejects(create(terms().percent("12.345")), "terms.percentOff");
    }

    @Test
    void rejectsPercentAndFlatTogether() {
        rejects(create(terms().percent("10").flat("5").currency("USD")), "terms.flatAmountOff");
    }

    @Test
    void rejectsDiscountLimitWithoutPercent() {
        rejects(create(terms().flat("5").limit("10").currency("USD")), "terms.discountLimit");
    }

    @Test
    void rejectsNegativeDiscountLimit() {
        rejects(create(terms().percent("10").limit("-1").currency("USD")), "terms.discountLimit");
    }

    @Test
    void rejectsCreditFromOverageWithoutFlatDiscount() {
        rejects(create(terms().percent("10").creditFromOverage()), "terms.creditFromOverage");
    }

    @Test
    void rejectsAmountWithoutCurrency() {
        rejects(create(terms().flat("5")), "terms.currency");
    }

    @Test
    void rejectsUnknownCurrency() {
        rejects(create(terms().flat("5").currency("XYZ1")), "terms.currency");
    }

    @Test
    void rejectsIsoCodesThatAreNotMoney() {
        for (String notMoney : List.of("XXX", "XTS", "XAU", "XDR")) {
            rejects(create(terms().flat("5").currency(notMoney)), "terms.currency");
        }
    }

    @Test
    void rejectsMoreDecimalsThanTheCurrencyHas() {
        rejects(create(terms().flat("5.5").currency("JPY")), "terms.flatAmountOff");
        rejects(create(terms().flat("5.555").currency("USD")), "terms.flatAmountOff");
    }

    @Test
    void rejectsZeroOrderMinimum() {
        rejects(create(terms().percent("10").minimum("0").currency("EUR")), "terms.orderMinimum");
    }

    @Test
    void rejectsEndNotAfterStart() {
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        rejects(create(terms().percent("10").dates(start, start)), "terms.endsAt");
    }

    @Test
    void rejectsPercentOnSelectedVariantsWithoutVariants() {
        rejects(create(terms().percent("10").onlySelectedVariants()), "terms.percentOnlyOnSelectedVariants");
    }

    @Test
    void rejectsDuplicateVariant() {
        rejects(create(terms().percent("10").variants("A", "A")), "terms.variantIds[1]");
    }

    @Test
    void rejectsOverlongDisplayMessage() {
        rejects(create(terms().percent("10").display("x".repeat(501))), "terms.displayMessage");
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        fixture.givenNoPriorActivity()
                .when(create(terms().percent("150").creditFromOverage().limit("-3")))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(new CommandRejection(422, "INVALID_FIELDS",
                        "The request breaks 4 rule(s); see errors.", List.of(
                        new FieldViolation("terms.percentOff", "must be greater than 0 and at most 100"),
                        new FieldViolation("terms.creditFromOverage",
                                "applies only to a flat discount (flatAmountOff)"),
                        new FieldViolation("terms.currency", "is required when the rule has an amount"),
                        new FieldViolation("terms.discountLimit", "must be greater than 0; leave it out for none"))));
    }

    @Test
    void revisesNameAndTerms() {
        DiscountTerms before = terms().percent("10").build();
        DiscountTerms after = terms().percent("15").build();
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", before))
                .when(new ReviseDiscountRuleCommand(ID, "Fifteen", after))
                .expectEvents(new DiscountRuleRevisedEvent(ID, "Fifteen", after));
    }

    @Test
    void revisionWithoutChangeRecordsNothing() {
        DiscountTerms same = terms().percent("10").build();
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", same))
                .when(new ReviseDiscountRuleCommand(ID, "Ten", same))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsInvalidRevision() {
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", terms().percent("10").build()))
                .when(new ReviseDiscountRuleCommand(ID, "Ten", terms().percent("101").build()))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void retiresRule() {
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", terms().percent("10").build()))
                .when(new RetireDiscountRuleCommand(ID))
                .expectEvents(new DiscountRuleRetiredEvent(ID));
    }

    @Test
    void retiringTwiceRecordsNothing() {
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", terms().percent("10").build()),
                        new DiscountRuleRetiredEvent(ID))
                .when(new RetireDiscountRuleCommand(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsRevisionOfRetiredRule() {
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", terms().percent("10").build()),
                        new DiscountRuleRetiredEvent(ID))
                .when(new ReviseDiscountRuleCommand(ID, "Ten", terms().percent("20").build()))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejected(409, "DISCOUNT_RULE_RETIRED"))
                .expectNoEvents();
    }

    @Test
    void answersIdAndVersionOfTheRevision() {
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", terms().percent("10").build()))
                .when(new ReviseDiscountRuleCommand(ID, "Ten", terms().percent("20").build()))
                .expectResultMessagePayload(new CommandAccepted(ID.value(), 1));
    }

    @Test
    void theSameCreationAgainAnswersTheRuleAndRecordsNothing() {
        DiscountTerms terms = terms().percent("10").build();
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", terms))
                .when(new CreateDiscountRuleCommand(ID, " Ten ", terms))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CommandAccepted(ID.value(), 0))
                .expectNoEvents();
    }

    @Test
    void anotherCreationWithTheSameIdIsAReusedIdempotencyKey() {
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", terms().percent("10").build()))
                .when(new CreateDiscountRuleCommand(ID, "Ten", terms().percent("11").build()))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejected(409, "IDEMPOTENCY_KEY_REUSED"))
                .expectNoEvents();
    }

    @Test
    void rejectsMarketingCampaignThatIsNotDefined() {
        rejects(create(terms().percent("10").marketingCampaign("Autumn launch")), "terms.marketingCampaign");
    }

    @Test
    void marketingCampaignsAreNamedExactly() {
        rejects(create(terms().percent("10").marketingCampaign("spring launch")), "terms.marketingCampaign");
    }

    @Test
    void acceptsADefinedMarketingCampaign() {
        DiscountTerms terms = terms().percent("10").marketingCampaign("Spring launch").build();
        fixture.givenNoPriorActivity()
                .when(new CreateDiscountRuleCommand(ID, "Ten", terms))
                .expectEvents(new DiscountRuleCreatedEvent(ID, "Ten", terms));
    }

    @Test
    void aRevisionMayKeepAMarketingCampaignLabelFromBeforeTheyWereDefined() {
        DiscountTerms legacy = terms().percent("10").marketingCampaign("Free label 2025").build();
        DiscountTerms revised = terms().percent("15").marketingCampaign("Free label 2025").build();
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", legacy))
                .when(new ReviseDiscountRuleCommand(ID, "Fifteen", revised))
                .expectEvents(new DiscountRuleRevisedEvent(ID, "Fifteen", revised));
    }

    @Test
    void aRevisionToAnUndefinedMarketingCampaignIsRefused() {
        fixture.given(new DiscountRuleCreatedEvent(ID, "Ten", terms().percent("10").build()))
                .when(new ReviseDiscountRuleCommand(ID, "Ten", terms().percent("10").marketingCampaign("Nope").build()))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(invalidField("terms.marketingCampaign"))
                .expectNoEvents();
    }

    private static CreateDiscountRuleCommand create(TermsBuilder terms) {
        return new CreateDiscountRuleCommand(ID, "A rule", terms.build());
    }

    private void rejects(CreateDiscountRuleCommand command, String field) {
        fixture.givenNoPriorActivity().when(command)
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(invalidField(field))
                .expectNoEvents();
    }

    /** Terms with everything off, switched on one field at a time. */
    static final class TermsBuilder {
        private BigDecimal percent;
        private BigDecimal limit;
        private boolean onlySelected;
        private BigDecimal flat;
        private boolean credit;
        private boolean freeShipping;
        private String currency;
        private BigDecimal minimum;
        private Instant starts;
        private Instant ends;
        private List<String> variants = List.of();
        private String display;
        private String marketingCampaign;

        TermsBuilder percent(String value) {
            percent = new BigDecimal(value);
            return this;
        }

        TermsBuilder limit(String value) {
            limit = new BigDecimal(value);
            return this;
        }

        TermsBuilder flat(String value) {
            flat = new BigDecimal(value);
            return this;
        }

        TermsBuilder minimum(String value) {
            minimum = new BigDecimal(value);
            return this;
        }

        TermsBuilder currency(String value) {
            currency = value;
            return this;
        }

        TermsBuilder creditFromOverage() {
            credit = true;
            return this;
        }

        TermsBuilder freeShipping() {
            freeShipping = true;
            return this;
        }

        TermsBuilder onlySelectedVariants() {
            onlySelected = true;
            return this;
        }

        TermsBuilder variants(String... ids) {
            variants = List.of(ids);
            return this;
        }

        TermsBuilder dates(Instant from, Instant until) {
            starts = from;
            ends = until;
            return this;
        }

        TermsBuilder display(String message) {
            display = message;
            return this;
        }

        TermsBuilder marketingCampaign(String name) {
            marketingCampaign = name;
            return this;
        }

        DiscountTerms build() {
            return new DiscountTerms(percent, limit, onlySelected, flat, credit, freeShipping, currency, false, false,
                    false, minimum, starts, ends, variants, null, display, null, marketingCampaign, null, null);
        }
    }
}
