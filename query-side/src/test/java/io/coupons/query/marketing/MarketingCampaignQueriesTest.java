package io.coupons.query.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.marketing.MarketingCampaignDefinedEvent;
import io.coupons.api.marketing.MarketingCampaignDescribedEvent;
import io.coupons.api.marketing.MarketingCampaignId;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.EventAppender;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The marketing campaign picker over real HTTP, projected from real events. */
@QuerySideTest
class MarketingCampaignQueriesTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    EventAppender events;
    TestHttp admin;
    String tag;

    @BeforeEach
    void setUp() {
        events = new EventAppender(eventStore, transactions);
        admin = TestHttp.at(port).as("admin");
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void searchIsACaseInsensitivePartOfTheNameInNameOrder() {
        define("Spring launch " + tag, "Shoes");
        define("spring sale " + tag, null);
        define("Winter " + tag, null);
        define("ÉTÉ " + tag, null);
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(names("SPRING")).contains("Spring launch " + tag, "spring sale " + tag)
                .doesNotContain("Winter " + tag);
        assertThat(names("ring%20LAUNCH%20" + tag)).containsExactly("Spring launch " + tag);
        assertThat(names(tag)).containsExactly("Spring launch " + tag, "Winter " + tag, "spring sale " + tag,
                "ÉTÉ " + tag);
        assertThat(names(encode("été " + tag))).as("not only ASCII folds").containsExactly("ÉTÉ " + tag);
        JsonNode launch = admin.get("/api/marketing-campaigns?q=launch%20" + tag).json().get("items").get(0);
        assertThat(launch.get("description").asString()).isEqualTo("Shoes");
        assertThat(launch.get("definedBy").asString()).isEqualTo("alice");
    }

    @Test
    void wildcardsInTheSearchMatchThemselves() {
        define("100% loyal " + tag, null);
        define("1000 loyal " + tag, null);
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(names("0%25%20LOYAL%20" + tag)).containsExactly("100% loyal " + tag);
    }

    @Test
    void pagesInNameOrderWithTheTotal() {
        for (int i = 0; i < 5; i++) {
            define("Paged " + tag + " " + i, null);
        }
        ProjectionsCaughtUp.await(processing, eventStore);

        JsonNode second = admin.get("/api/marketing-campaigns?q=paged%20" + tag + "&page=1&size=2").json();
        assertThat(second.get("total").asLong()).isEqualTo(5);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items").valueStream().map(item -> item.get("name").asString()))
                .containsExactly("Paged " + tag + " 2", "Paged " + tag + " 3");
        assertThat(admin.get("/api/marketing-campaigns?size=201").status()).isEqualTo(400);
    }

    @Test
    void detailsFollowTheDescriptionAndUnknownIdsAre404() {
        MarketingCampaignId id = define("Details " + tag, "first");
        events.append("MarketingCampaign", id, 1, new MarketingCampaignDescribedEvent(id, "second"));
        ProjectionsCaughtUp.await(processing, eventStore);

        TestHttp.Response one = admin.get("/api/marketing-campaigns/" + id);
        assertThat(one.status()).as(one::toString).isEqualTo(200);
        assertThat(one.json().get("description").asString()).isEqualTo("second");
        assertThat(one.json().get("version").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/marketing-campaigns/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void auditorsReadMarketingCampaignsAndCheckoutDoesNot() {
        assertThat(TestHttp.at(port).as("auditor").get("/api/marketing-campaigns").status()).isEqualTo(200);
        assertThat(TestHttp.at(port).as("checkout").get("/api/marketing-campaigns").status()).isEqualTo(403);
    }

    private MarketingCampaignId define(String name, String description) {
        MarketingCampaignId id = MarketingCampaignId.of(name);
        events.append("MarketingCampaign", id, 0, new MarketingCampaignDefinedEvent(id, name, description));
        return id;
    }

    private List<String> names(String q) {
        TestHttp.Response page = admin.get("/api/marketing-campaigns?size=200&q=" + q);
        assertThat(page.status()).as(page::toString).isEqualTo(200);
        List<String> names = new ArrayList<>();
        page.json().get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
