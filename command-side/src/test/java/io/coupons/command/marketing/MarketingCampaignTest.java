package io.coupons.command.marketing;

import static io.coupons.command.common.RejectionMatchers.invalidField;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.marketing.DefineMarketingCampaignCommand;
import io.coupons.api.marketing.MarketingCampaignDefinedEvent;
import io.coupons.api.marketing.MarketingCampaignDescribedEvent;
import io.coupons.api.marketing.MarketingCampaignId;
import io.coupons.command.common.CommandRejectedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The marketing campaign aggregate's rules, one test each. */
class MarketingCampaignTest {

    private static final String NAME = "Spring launch";
    private static final MarketingCampaignId ID = MarketingCampaignId.of(NAME);

    private AggregateTestFixture<MarketingCampaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MarketingCampaign.class);
    }

    @Test
    void definesAMarketingCampaign() {
        fixture.givenNoPriorActivity()
                .when(new DefineMarketingCampaignCommand(ID, NAME, "Shoes, March"))
                .expectEvents(new MarketingCampaignDefinedEvent(ID, NAME, "Shoes, March"))
                .expectResultMessagePayload(new CommandAccepted(ID.value(), 0));
    }

    @Test
    void theDescriptionIsOptional() {
        fixture.givenNoPriorActivity()
                .when(new DefineMarketingCampaignCommand(ID, NAME, null))
                .expectEvents(new MarketingCampaignDefinedEvent(ID, NAME, null));
    }

    @Test
    void definingItAgainAsItIsRecordsNothing() {
        fixture.given(new MarketingCampaignDefinedEvent(ID, NAME, "Shoes"))
                .when(new DefineMarketingCampaignCommand(ID, NAME, "Shoes"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandAccepted(ID.value(), 0));
    }

    @Test
    void anotherDescriptionIsRecordedAsDescribed() {
        fixture.given(new MarketingCampaignDefinedEvent(ID, NAME, "Shoes"))
                .when(new DefineMarketingCampaignCommand(ID, NAME, null))
                .expectEvents(new MarketingCampaignDescribedEvent(ID, null))
                .expectResultMessagePayload(new CommandAccepted(ID.value(), 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", " Spring", "Spring ", "Spring\tlaunch", "Spring\u0085launch"})
    void refusesBadNames(String name) {
        fixture.givenNoPriorActivity()
                .when(new DefineMarketingCampaignCommand(MarketingCampaignId.of(name), name, null))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(invalidField("name"))
                .expectNoEvents();
    }

    @Test
    void refusesNamesLongerThan120Characters() {
        String name = "x".repeat(121);
        fixture.givenNoPriorActivity()
                .when(new DefineMarketingCampaignCommand(MarketingCampaignId.of(name), name, null))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(invalidField("name"))
                .expectNoEvents();
    }

    @Test
    void refusesDescriptionsLongerThan500Characters() {
        fixture.givenNoPriorActivity()
                .when(new DefineMarketingCampaignCommand(ID, NAME, "x".repeat(501)))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(invalidField("description"))
                .expectNoEvents();
    }

    @Test
    void refusesAnIdNotDerivedFromTheName() {
        fixture.givenNoPriorActivity()
                .when(new DefineMarketingCampaignCommand(MarketingCampaignId.of("Other"), NAME, null))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(invalidField("marketingCampaignId"))
                .expectNoEvents();
    }
}
