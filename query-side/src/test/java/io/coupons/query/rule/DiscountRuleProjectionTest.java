package io.coupons.query.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountRuleRetiredEvent;
import io.coupons.api.rule.DiscountRuleRevisedEvent;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.EventAppender;
import io.coupons.query.ProjectedVersion;
import io.coupons.query.QuerySideTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@QuerySideTest
class DiscountRuleProjectionTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void showsEveryTermExactlyAndFollowsRevisionAndRetirement() {
        EventAppender events = new EventAppender(eventStore, transactions);
        TestHttp auditor = TestHttp.at(port).as("auditor");
        DiscountRuleId id = DiscountRuleId.random();
        String name = "Flat " + UUID.randomUUID();
        DiscountTerms terms = new DiscountTerms(null, null, false, new BigDecimal("20.00"), true, true, "USD", true,
                true, true, new BigDecimal("40.50"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), List.of("V-1", "V-2"), "shoes", "Take $20 off", "DOLLAR_OFF",
                "Spring", "Marketing", "PROMO");
        events.append("DiscountRule", id, 0, new DiscountRuleCreatedEvent(id, name, terms));

        JsonNode view = awaitVersion(auditor, id, 0);
        JsonNode shown = view.get("terms");
        assertThat(view.get("name").asString()).isEqualTo(name);
        assertThat(view.get("createdBy").asString()).isEqualTo("alice");
        assertThat(shown.get("flatAmountOff").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(shown.get("orderMinimum").decimalValue()).isEqualByComparingTo("40.50");
        assertThat(shown.get("creditFromOverage").asBoolean()).isTrue();
        assertThat(shown.get("variantIds").valueStream().map(JsonNode::asString)).containsExactly("V-1", "V-2");
        assertThat(shown.get("pnlAllocation").asString()).isEqualTo("Marketing");

        events.append("DiscountRule", id, 1, new DiscountRuleRevisedEvent(id, name + " v2", terms));
        events.append("DiscountRule", id, 2, new DiscountRuleRetiredEvent(id));
        view = awaitVersion(auditor, id, 2);
        assertThat(view.get("name").asString()).isEqualTo(name + " v2");
        assertThat(view.get("retired").asBoolean()).isTrue();

        String search = "/api/discount-rules?q=" + name.substring(6, 20);
        assertThat(auditor.get(search).json().get("total").asLong()).isZero();
        assertThat(auditor.get(search + "&includeRetired=true").json().get("total").asLong()).isEqualTo(1);
    }

    private static JsonNode awaitVersion(TestHttp http, DiscountRuleId id, long version) {
        return ProjectedVersion.await(http, "/api/discount-rules/" + id, version);
    }
}
