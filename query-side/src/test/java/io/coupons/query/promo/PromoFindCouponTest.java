package io.coupons.query.promo;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.promo.PromoBatchId;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Find Coupon finds promo codes with their batch, and their details explain how they stand. */
@QuerySideTest
class PromoFindCouponTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void searchFindsPromoCodesByPrefixAndDetailsShowRulesInventoryAndAccount() {
        PromoEvents promo = new PromoEvents(eventStore, transactions);
        TestHttp auditor = TestHttp.at(port).as("auditor");
        List<String> codes = PromoEvents.codes(3);
        PromoBatchId batch = promo.generated("Find me", "Loyal", codes, List.of("acc-a", "acc-b", "acc-c"),
                PromoEvents.terms("25", null, null), 1L);
        promo.redeem(codes.get(1), batch, 0, Instant.parse("2026-06-01T10:00:00Z"), "3.00");
        promo.edit(batch, codes.get(2), PromoEvents.terms("40", null, null), false);
        ProjectionsCaughtUp.await(processing, eventStore);

        TestHttp.Response page = auditor.get("/api/codes?search=" + codes.get(0).substring(0, 6).toLowerCase());
        assertThat(page.status()).as(page::toString).isEqualTo(200);
        JsonNode items = page.json().get("items");
        assertThat(items.size()).isEqualTo(3);
        assertThat(items.get(0).get("promoBatchName").asString()).isEqualTo("Find me");
        assertThat(items.get(0).get("promoBatchId").asString()).isEqualTo(batch.toString());
        assertThat(items.get(0).get("campaignId").isNull()).isTrue();
        assertThat(items.get(0).get("accountId").asString()).isEqualTo("acc-a");
        assertThat(items.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(items.get(1).get("status").asString()).as("inventory used up").isEqualTo("EXHAUSTED");
        assertThat(items.get(2).get("status").asString()).as("switched off alone").isEqualTo("DISABLED");

        JsonNode details = auditor.get("/api/codes/" + codes.get(1)).json();
        assertThat(details.get("promoCode").get("remainingUses").asLong()).isZero();
        assertThat(details.get("promoCode").get("terms").get("percentOff").asInt()).isEqualTo(25);
        assertThat(details.get("promoCode").get("accountId").asString()).isEqualTo("acc-b");
        assertThat(details.get("redemptionsRecorded").asLong()).isEqualTo(1);
        assertThat(details.get("redemptions").get(0).get("promoBatchId").asString()).isEqualTo(batch.toString());
        assertThat(details.get("campaign").isNull()).isTrue();

        promo.delete(batch);
        ProjectionsCaughtUp.await(processing, eventStore);
        JsonNode deleted = auditor.get("/api/codes/" + codes.get(0)).json();
        assertThat(deleted.get("code").get("status").asString()).as("still findable, for support").isEqualTo("DELETED");
        assertThat(deleted.get("promoCode").get("deleted").asBoolean()).isTrue();
    }
}
