package io.coupons.query.variantgroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.variantgroup.VariantGroupDefinedEvent;
import io.coupons.api.variantgroup.VariantGroupId;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.EventAppender;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Promo variant targeting groups over real HTTP, projected from real events into real PostgreSQL. */
@QuerySideTest
class VariantGroupQueriesTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

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
    void aReplacementReplacesTheVariantsAndKeepsWhenAndWhoFirstDefinedIt() {
        VariantGroupId id = define("Shoes " + tag, 0, List.of("V-3", "V-1", "V-2"));
        ProjectionsCaughtUp.await(processing, eventStore);
        JsonNode first = details(id);
        assertThat(strings(first.get("variantIds"))).as("in the order given").containsExactly("V-3", "V-1", "V-2");
        assertThat(first.get("variantCount").asInt()).isEqualTo(3);
        assertThat(first.get("version").asLong()).isZero();
        assertThat(first.get("definedBy").asString()).isEqualTo("alice");
        assertThat(first.get("updatedAt").asString()).isEqualTo(first.get("definedAt").asString());

        define("Shoes " + tag, 1, List.of("V-9", "V-1"));
        ProjectionsCaughtUp.await(processing, eventStore);
        JsonNode second = details(id);
        assertThat(strings(second.get("variantIds"))).containsExactly("V-9", "V-1");
        assertThat(second.get("variantCount").asInt()).isEqualTo(2);
        assertThat(second.get("version").asLong()).isEqualTo(1);
        assertThat(second.get("definedAt").asString()).isEqualTo(first.get("definedAt").asString());
        assertThat(Instant.parse(second.get("updatedAt").asString()))
                .isAfter(Instant.parse(first.get("updatedAt").asString()));
        assertThat(second.get("updatedBy").asString()).isEqualTo("alice");
    }

    @Test
    void theListSearchesAnyCaseInNameOrderAndCountsWithoutListingTheVariants() {
        define("Summer Shoes " + tag, 0, List.of("a", "b", "c"));
        define("summer hats " + tag, 0, List.of("d"));
        define("Winter " + tag, 0, List.of("e", "f"));
        define("ÉTÉ " + tag, 0, List.of("g"));
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(names("SUMMER%20")).contains("Summer Shoes " + tag, "summer hats " + tag)
                .doesNotContain("Winter " + tag);
        assertThat(names(tag)).containsExactly("Summer Shoes " + tag, "Winter " + tag, "summer hats " + tag,
                "ÉTÉ " + tag);
        assertThat(names(encode("été " + tag))).as("not only ASCII folds").containsExactly("ÉTÉ " + tag);
        JsonNode shoes = admin.get("/api/variant-groups?q=shoes%20" + tag).json().get("items").get(0);
        assertThat(shoes.get("variantCount").asInt()).isEqualTo(3);
        assertThat(shoes.has("variantIds")).as("the list carries counts, not up to 10,000 ids a row").isFalse();
        assertThat(shoes.get("definedBy").asString()).isEqualTo("alice");
    }

    @Test
    void wildcardsInTheSearchMatchThemselvesAndPagesHaveTheTotal() {
        define("100% loyal " + tag, 0, List.of("a"));
        define("1000 loyal " + tag, 0, List.of("a"));
        for (int i = 0; i < 5; i++) {
            define("Paged " + tag + " " + i, 0, List.of("v" + i));
        }
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(names("0%25%20LOYAL%20" + tag)).containsExactly("100% loyal " + tag);
        JsonNode second = admin.get("/api/variant-groups?q=paged%20" + tag + "&page=1&size=2").json();
        assertThat(second.get("total").asLong()).isEqualTo(5);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items").valueStream().map(item -> item.get("name").asString()))
                .containsExactly("Paged " + tag + " 2", "Paged " + tag + " 3");
        assertThat(admin.get("/api/variant-groups?size=201").status()).isEqualTo(400);
    }

    @Test
    void theLargestGroupComesBackWhole() {
        List<String> variants = IntStream.range(0, 10_000).mapToObj(i -> "variant-" + i + "-" + "x".repeat(80))
                .toList();
        VariantGroupId id = define("Largest " + tag, 0, variants);
        ProjectionsCaughtUp.await(processing, eventStore);

        JsonNode group = details(id);
        assertThat(group.get("variantCount").asInt()).isEqualTo(10_000);
        assertThat(strings(group.get("variantIds"))).isEqualTo(variants);
    }

    @Test
    void unknownIdsAre404AndAuditorsReadButCheckoutDoesNot() {
        assertThat(admin.get("/api/variant-groups/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(TestHttp.at(port).as("auditor").get("/api/variant-groups").status()).isEqualTo(200);
        assertThat(TestHttp.at(port).as("checkout").get("/api/variant-groups").status()).isEqualTo(403);
    }

    private VariantGroupId define(String name, long sequence, List<String> variants) {
        VariantGroupId id = VariantGroupId.of(name);
        events.append("VariantGroup", id, sequence, new VariantGroupDefinedEvent(id, name, variants));
        return id;
    }

    private JsonNode details(VariantGroupId id) {
        TestHttp.Response one = admin.get("/api/variant-groups/" + id);
        assertThat(one.status()).as(one::toString).isEqualTo(200);
        return one.json();
    }

    private List<String> names(String q) {
        TestHttp.Response page = admin.get("/api/variant-groups?size=200&q=" + q);
        assertThat(page.status()).as(page::toString).isEqualTo(200);
        return strings(page.json().get("items").valueStream().map(item -> item.get("name")).toList());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> strings(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asString).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
