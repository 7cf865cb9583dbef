package io.coupons.command.campaign;

import static io.coupons.command.common.RejectionMatchers.invalidField;
import static io.coupons.command.common.RejectionMatchers.rejected;

import io.coupons.api.campaign.ArchiveCampaignCommand;
import io.coupons.api.campaign.CampaignArchivedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleLinkedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleUnlinkedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignRescheduledEvent;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.campaign.RescheduleCampaignCommand;
import io.coupons.api.campaign.UnlinkDiscountRuleCommand;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.command.common.CommandRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaign's own decisions (those that need no registry or other aggregate). */
class CampaignTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final CampaignId ID = new CampaignId(UUID.randomUUID());
    private static final DiscountRuleId RULE = new DiscountRuleId(UUID.randomUUID());
    private static final CampaignCreatedEvent CREATED = new CampaignCreatedEvent(ID, "SUMMER20",
            CampaignType.BULK_POOL, RULE, 1, null, null, null);

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void archivesCampaign() {
        fixture.given(CREATED).when(new ArchiveCampaignCommand(ID)).expectEvents(new CampaignArchivedEvent(ID));
    }

    @Test
    void archivingTwiceRecordsNothing() {
        fixture.given(CREATED, new CampaignArchivedEvent(ID))
                .when(new ArchiveCampaignCommand(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unlinksDiscountRule() {
        fixture.given(CREATED)
                .when(new UnlinkDiscountRuleCommand(ID))
                .expectEvents(new CampaignDiscountRuleUnlinkedEvent(ID, RULE));
    }

    @Test
    void unlinkingWithoutLinkedRuleRecordsNothing() {
        fixture.given(CREATED, new CampaignDiscountRuleUnlinkedEvent(ID, RULE))
                .when(new UnlinkDiscountRuleCommand(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unlinkRemembersTheRuleLinkedLast() {
        DiscountRuleId other = new DiscountRuleId(UUID.randomUUID());
        fixture.given(CREATED, new CampaignDiscountRuleLinkedEvent(ID, other))
                .when(new UnlinkDiscountRuleCommand(ID))
                .expectEvents(new CampaignDiscountRuleUnlinkedEvent(ID, other));
    }

    @Test
    void reschedulesCampaign() {
        Instant start = NOW.plusSeconds(3600);
        Instant end = NOW.plusSeconds(7200);
        fixture.given(CREATED)
                .when(new RescheduleCampaignCommand(ID, start, end))
                .expectEvents(new CampaignRescheduledEvent(ID, start, end));
    }

    @Test
    void reschedulingToTheSameDatesRecordsNothing() {
        fixture.given(CREATED)
                .when(new RescheduleCampaignCommand(ID, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsExpiryInThePast() {
        fixture.given(CREATED)
                .when(new RescheduleCampaignCommand(ID, null, NOW.minusSeconds(1)))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(invalidField("expiresAt"))
                .expectNoEvents();
    }

    @Test
    void rejectsExpiryNotAfterStart() {
        Instant start = NOW.plusSeconds(7200);
        fixture.given(CREATED)
                .when(new RescheduleCampaignCommand(ID, start, start.minusSeconds(60)))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(invalidField("expiresAt"))
                .expectNoEvents();
    }

    @Test
    void rejectsRescheduleOfArchivedCampaign() {
        fixture.given(CREATED, new CampaignArchivedEvent(ID))
                .when(new RescheduleCampaignCommand(ID, null, NOW.plusSeconds(60)))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejected(409, "CAMPAIGN_ARCHIVED"))
                .expectNoEvents();
    }

    @Test
    void rejectsUnlinkOnArchivedCampaign() {
        fixture.given(CREATED, new CampaignArchivedEvent(ID))
                .when(new UnlinkDiscountRuleCommand(ID))
                .expectException(CommandRejectedException.class)
                .expectExceptionDetails(rejected(409, "CAMPAIGN_ARCHIVED"))
                .expectNoEvents();
    }
}
