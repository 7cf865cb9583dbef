package io.coupons.command.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.segment.SegmentId;
import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.TestHttp;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** User segments over real HTTP, down to the events and the member tables in PostgreSQL. */
@CommandSideTest
class SegmentCommandsTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SegmentMembers members;

    EventStoreProbe events;
    TestHttp admin;

    @BeforeEach
    void setUp() {
        events = new EventStoreProbe(jdbc);
        admin = TestHttp.at(port).as("admin");
    }

    @Test
    void definesASegmentFromJsonStrippedAndDeduplicated() {
        String name = unique("Summer buyers");
        TestHttp.Response answer = admin.put(path(name), """
                {"accountIds": [" acc-2 ", "acc-1", "acc-2", "Acc-1"]}""");

        assertThat(answer.status()).as(answer::toString).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("id").asString()).isEqualTo(SegmentId.of(name).toString());
        assertThat(body.get("revision").asInt()).isEqualTo(1);
        assertThat(body.get("members").asLong()).isEqualTo(3);
        assertThat(body.get("entries").asLong()).isEqualTo(4);
        assertThat(body.get("duplicates").asLong()).isEqualTo(1);
        assertThat(events.eventTypes(body.get("id").asString()))
                .containsExactly("SegmentDefinedEvent", "SegmentMembersReplacedEvent");
        assertThat(events.metadata(body.get("id").asString(), 1)).contains("\"user\":\"admin\"");
        assertThat(stagedEvents(name)).isEqualTo(1);
        assertThat(inForce(name)).containsExactly("Acc-1", "acc-1", "acc-2");
    }

    @Test
    void replacingMakesOnlyTheNewMembersCurrentAndPurgesTheOldOnes() {
        String name = unique("Replace");
        admin.put(path(name), "{\"accountIds\": [\"a\", \"b\"]}");
        TestHttp.Response second = admin.put(path(name), "{\"accountIds\": [\"c\"]}");

        assertThat(second.status()).as(second::toString).isEqualTo(200);
        assertThat(second.json().get("revision").asInt()).isEqualTo(2);
        assertThat(inForce(name)).containsExactly("c");
        assertThat(jdbc.sql("SELECT count(*) FROM segment_upload WHERE segment_id = ?")
                .param(SegmentId.of(name).value()).query(Long.class).single()).as("old upload purged").isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM segment_member m JOIN segment_upload u USING (upload_id)
                        WHERE u.segment_id = ?""")
                .param(SegmentId.of(name).value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEmptyListEmptiesTheSegment() {
        String name = unique("Empty");
        admin.put(path(name), "{\"accountIds\": [\"a\"]}");
        TestHttp.Response emptied = admin.put(path(name), "{\"accountIds\": []}");

        assertThat(emptied.status()).as(emptied::toString).isEqualTo(200);
        assertThat(emptied.json().get("members").asLong()).isZero();
        assertThat(inForce(name)).isEmpty();
    }

    @Test
    void namesAreCaseSensitive() {
        String name = unique("Summer");
        admin.put(path(name), "{\"accountIds\": [\"upper\"]}");
        admin.put(path(name.toLowerCase()), "{\"accountIds\": [\"lower\"]}");

        assertThat(SegmentId.of(name)).isNotEqualTo(SegmentId.of(name.toLowerCase()));
        assertThat(inForce(name)).containsExactly("upper");
        assertThat(inForce(name.toLowerCase())).containsExactly("lower");
    }

    @Test
    void refusesABadJsonEntryNamingItAndChangesNothing() {
        String name = unique("Bad json");
        admin.put(path(name), "{\"accountIds\": [\"keep\"]}");
        long before = eventsOf(name);

        TestHttp.Response refused = admin.put(path(name), "{\"accountIds\": [\"ok\", \"  \", \"x\"]}");

        assertThat(refused.status()).as(refused::toString).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("accountIds[1]");
        assertUnchanged(name, before, "keep");
    }

    @Test
    void refusesMoreThanTenThousandAccountIdsInJson() {
        String name = unique("Big json");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= SegmentController.MAX_JSON_ACCOUNTS; i++) {
            ids.add("\"a" + i + "\"");
        }
        TestHttp.Response refused = admin.put(path(name), "{\"accountIds\": [" + String.join(",", ids) + "]}");

        assertThat(refused.status()).as(refused::toString).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("accountIds");
    }

    @Test
    void refusesANameWithSurroundingWhiteSpace() {
        TestHttp.Response refused = admin.put("/api/segments/%20padded", "{\"accountIds\": [\"a\"]}");

        assertThat(refused.status()).as(refused::toString).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void readsACsvUploadWithByteOrderMarkAndCrlf() {
        String name = unique("Csv");
        TestHttp.Response answer = csv(name, "\uFEFFacc-1\r\nacc-2\r\n  acc-3  \nacc-1");

        assertThat(answer.status()).as(answer::toString).isEqualTo(200);
        assertThat(answer.json().get("entries").asLong()).isEqualTo(4);
        assertThat(answer.json().get("duplicates").asLong()).isEqualTo(1);
        assertThat(inForce(name)).containsExactly("acc-1", "acc-2", "acc-3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "blank line|'   '|is blank",
            "too long|LONG|longer than 200 characters",
            "control character|a\tb|control characters (U+0009",
            "comma|a,b|comma or a double quote",
            "not UTF-8|BROKEN|not valid UTF-8",
            "longer than a line may be|HUGE|longer than 1000 bytes"})
    void refusesABadCsvLineNamingItsNumberAndAppliesNothing(String why, String line, String message) {
        String name = unique("Bad csv");
        admin.put(path(name), "{\"accountIds\": [\"keep\"]}");
        long before = eventsOf(name);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 1; i <= 25_000; i++) {
            String text = i != 12_345 ? "acc-" + i : switch (line) {
                case "LONG" -> "x".repeat(201);
                case "HUGE" -> "y".repeat(5_000);
                default -> line;
            };
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            if (i == 12_345 && line.equals("BROKEN")) {
                body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
            }
            body.write('\n');
        }

        TestHttp.Response refused = admin.send(admin.request(path(name) + "/members.csv")
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(refused.status()).as(refused::toString).isEqualTo(422);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("line 12345");
        assertThat(error.get("message").asString()).contains(message);
        assertUnchanged(name, before, "keep");
    }

    @Test
    void refusesACsvUploadInAnotherCharset() {
        TestHttp.Response refused = admin.send(admin.request(path(unique("Latin")) + "/members.csv")
                .header("Content-Type", "text/csv; charset=ISO-8859-1")
                .PUT(HttpRequest.BodyPublishers.ofString("a\n")));

        assertThat(refused.status()).as(refused::toString).isEqualTo(415);
    }

    @Test
    void onlyAdminsLoadSegments() {
        assertThat(TestHttp.at(port).as("auditor").put(path(unique("Nope")), "{\"accountIds\": []}").status())
                .isEqualTo(403);
    }

    private TestHttp.Response csv(String name, String body) {
        return admin.send(admin.request(path(name) + "/members.csv").header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private void assertUnchanged(String name, long eventsBefore, String... membersInForce) {
        assertThat(eventsOf(name)).as("events of the segment").isEqualTo(eventsBefore);
        assertThat(inForce(name)).containsExactly(membersInForce);
        assertThat(jdbc.sql("SELECT count(*) FROM segment_upload WHERE segment_id = ? AND state <> 'CURRENT'")
                .param(SegmentId.of(name).value()).query(Long.class).single()).as("staged uploads left").isZero();
    }

    private List<String> inForce(String name) {
        return members.current(SegmentId.of(name))
                .map(current -> members.members(current.uploadId(), null, 1_000)).orElse(List.of());
    }

    private long stagedEvents(String name) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE payload_type = 'io.coupons.api.segment.SegmentMembersStagedEvent'
                          AND convert_from(payload, 'UTF8')::jsonb -> 'segmentId' ->> 'value' = ?""")
                .param(SegmentId.of(name).toString()).query(Long.class).single();
    }

    /** Every event about the segment: its own and its chunks. */
    private long eventsOf(String name) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE payload_type LIKE 'io.coupons.api.segment.%'
                          AND convert_from(payload, 'UTF8')::jsonb -> 'segmentId' ->> 'value' = ?""")
                .param(SegmentId.of(name).toString()).query(Long.class).single();
    }

    static String unique(String name) {
        return name + " " + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String path(String name) {
        return "/api/segments/" + name.replace(" ", "%20");
    }
}
