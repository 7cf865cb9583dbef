package io.coupons.query.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.segment.SegmentId;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The segment list, details and member pages over real HTTP, projected from real events. */
@QuerySideTest
class SegmentQueriesTest {

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

    SegmentEvents segments;
    TestHttp admin;
    String tag;

    @BeforeEach
    void setUp() {
        segments = new SegmentEvents(eventStore, transactions);
        admin = TestHttp.at(port).as("admin");
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void searchByNameIsCaseSensitive() {
        segments.replace(segments.define("Summer VIP " + tag), 1, List.of("a", "b"));
        segments.define("summer sale " + tag);
        segments.define("Winter " + tag);
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(names("Summer%20VIP%20" + tag)).containsExactly("Summer VIP " + tag);
        assertThat(names("Summer")).contains("Summer VIP " + tag).doesNotContain("summer sale " + tag);
        assertThat(names("summer")).contains("summer sale " + tag).doesNotContain("Summer VIP " + tag);
        assertThat(names("ummer")).contains("Summer VIP " + tag, "summer sale " + tag);
        JsonNode vip = admin.get("/api/segments?q=VIP%20" + tag).json().get("items").get(0);
        assertThat(vip.get("memberCount").asLong()).isEqualTo(2);
        assertThat(vip.get("revision").asInt()).isEqualTo(1);
        assertThat(vip.get("updatedBy").asString()).isEqualTo("alice");
    }

    @Test
    void wildcardsInTheSearchMatchThemselves() {
        segments.define("100% loyal " + tag);
        segments.define("1000 loyal " + tag);
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(names("0%25%20loyal%20" + tag)).containsExactly("100% loyal " + tag);
    }

    @Test
    void pagesMembersInAccountOrderWithAKeysetCursor() {
        SegmentId id = segments.define("Paged " + tag);
        List<String> accounts = IntStream.range(0, 250).mapToObj(i -> String.format("acc-%03d", i)).toList();
        segments.replace(id, 1, accounts);
        ProjectionsCaughtUp.await(processing, eventStore);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TestHttp.Response page = admin.get("/api/segments/" + id + "/members?size=100"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page::toString).isEqualTo(200);
            page.json().get("accountIds").forEach(account -> seen.add(account.asString()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asString(null);
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(accounts);
        assertThat(admin.get("/api/segments/" + id).json().get("memberCount").asLong()).isEqualTo(250);
    }

    @Test
    void anUploadIsInvisibleUntilItsReplacementEvent() {
        SegmentId id = segments.define("Switch " + tag);
        UUID first = segments.stage(id, List.of("old-1", "old-2"), 1);
        segments.replace(id, first, 1, 2);
        UUID second = segments.stage(id, List.of("new-1", "new-2", "new-3"), 2);
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(members(id)).containsExactly("old-1", "old-2");
        assertThat(admin.get("/api/segments/" + id).json().get("memberCount").asLong()).isEqualTo(2);

        segments.replace(id, second, 2, 3);
        ProjectionsCaughtUp.await(processing, eventStore);

        assertThat(members(id)).containsExactly("new-1", "new-2", "new-3");
        assertThat(jdbc.sql("SELECT count(*) FROM segment_member_view WHERE upload_id = ?").param(first)
                .query(Long.class).single()).as("replaced rows deleted").isZero();
    }

    @Test
    void aSegmentWithoutMembersYetAnswersAnEmptyPage() {
        SegmentId id = segments.define("Bare " + tag);
        ProjectionsCaughtUp.await(processing, eventStore);

        TestHttp.Response page = admin.get("/api/segments/" + id + "/members");
        assertThat(page.status()).as(page::toString).isEqualTo(200);
        assertThat(page.json().get("accountIds").size()).isZero();
        assertThat(page.json().get("revision").asInt()).isZero();
    }

    @Test
    void unknownSegmentsAndForeignCursorsAreRefused() {
        assertThat(admin.get("/api/segments/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin.get("/api/segments/" + UUID.randomUUID() + "/members").status()).isEqualTo(404);
        SegmentId id = segments.define("Cursor " + tag);
        ProjectionsCaughtUp.await(processing, eventStore);
        assertThat(admin.get("/api/segments/" + id + "/members?cursor=not!base64").status()).isEqualTo(400);
        assertThat(admin.get("/api/segments/" + id + "/members?size=1001").status()).isEqualTo(400);
    }

    @Test
    void auditorsReadSegmentsAndCheckoutDoesNot() {
        assertThat(TestHttp.at(port).as("auditor").get("/api/segments").status()).isEqualTo(200);
        assertThat(TestHttp.at(port).as("checkout").get("/api/segments").status()).isEqualTo(403);
    }

    private List<String> names(String q) {
        TestHttp.Response page = admin.get("/api/segments?size=200&q=" + q);
        assertThat(page.status()).as(page::toString).isEqualTo(200);
        List<String> names = new ArrayList<>();
        page.json().get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private List<String> members(SegmentId id) {
        List<String> accounts = new ArrayList<>();
        admin.get("/api/segments/" + id + "/members?size=1000").json().get("accountIds")
                .forEach(account -> accounts.add(account.asString()));
        return accounts;
    }
}
