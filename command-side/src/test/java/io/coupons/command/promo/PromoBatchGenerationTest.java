package io.coupons.command.promo;

import static io.coupons.command.promo.PromoDesk.TEN_OFF;
import static io.coupons.command.promo.PromoDesk.numberOfCodes;
import static io.coupons.command.promo.PromoDesk.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.command.code.CodeAlphabet;
import io.coupons.platform.testing.TestHttp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Generate Batch over HTTP, by Number of Codes and by Target User Segment, down to the registry and the events. */
@CommandSideTest
class PromoBatchGenerationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PromoDesk desk;

    @BeforeEach
    void setUp() {
        desk = new PromoDesk(port, jdbc);
    }

    @Test
    void numberOfCodesMakesExactlyThatManyPrefixlessCodesOfTheLengthInBoundedChunkEvents() {
        TestHttp.Response accepted = desk.admin.post("/api/promo-batches",
                numberOfCodes(23_456, TEN_OFF, "\"codeLength\": 9"));
        assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
        String batch = accepted.json().get("promoBatchId").asString();
        assertThat(accepted.json().get("runNumber").asInt()).isEqualTo(1);
        assertThat(accepted.json().get("statusUrl").asString()).endsWith("/api/promo-batches/" + batch);
        desk.awaitRuns(batch);

        List<String> codes = desk.codes(batch);
        Pattern shape = Pattern.compile("[" + CodeAlphabet.SYMBOLS + "]{9}");
        assertThat(codes).hasSize(23_456).allMatch(c -> shape.matcher(c).matches());
        assertThat(new HashSet<>(codes)).hasSize(23_456);
        List<String> chunked = new ArrayList<>();
        List<String> payloads = chunkPayloads(batch);
        assertThat(payloads).hasSize(3);
        payloads.forEach(p -> chunked.addAll(packed(p, 9)));
        assertThat(chunked).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(desk.events("PromoBatchCreatedEvent", batch)).isEqualTo(1);
        assertThat(desk.events("PromoGenerationCompletedEvent", batch)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM coupon_code WHERE promo_batch_id = ? AND account_id IS NOT NULL")
                .param(UUID.fromString(batch)).query(Long.class).single()).isZero();
    }

    @Test
    void aSegmentBatchBindsOneCodeToEachMemberAndAnotherAccountGetsWrongAccount() {
        List<String> members = IntStream.range(0, 1_234).mapToObj(i -> "acc-" + i).toList();
        String segment = desk.segment(members);
        TestHttp.Response accepted = desk.admin.post("/api/promo-batches", """
                {"method": "TARGET_USER_SEGMENT", "targetUserSegment": "%s", "name": "VIP thanks", "enabled": true,
                 "terms": %s}""".formatted(segment, TEN_OFF));
        assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
        assertThat(accepted.json().get("quantity").asLong()).isEqualTo(1_234);
        String batch = accepted.json().get("promoBatchId").asString();
        desk.awaitRuns(batch);

        List<String> codes = desk.codes(batch);
        assertThat(codes).hasSize(members.size());
        List<String> bound = jdbc.sql("SELECT account_id FROM coupon_code WHERE promo_batch_id = ?")
                .param(UUID.fromString(batch)).query(String.class).list();
        assertThat(bound).containsExactlyInAnyOrderElementsOf(members);
        assertThat(jdbc.sql("SELECT count(*) FROM segment_upload_pin").query(Long.class).single()).isZero();

        String code = codes.get(7);
        String owner = desk.accountOf(code);
        assertThat(outcome(desk.redeem(code, "someone-else"))).isEqualTo("WRONG_ACCOUNT");
        assertThat(outcome(desk.redeem(code, null))).isEqualTo("WRONG_ACCOUNT");
        assertThat(outcome(desk.redeem(code, owner))).isEqualTo("ACCEPTED");
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameBatchAndAnotherFormUnderItIsRefused() {
        String body = numberOfCodes(10, TEN_OFF, "");
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = desk.generateWithKey(key, body);
        TestHttp.Response again = desk.generateWithKey(key, body);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("promoBatchId")).isEqualTo(first.json().get("promoBatchId"));
        assertThat(again.json().get("runId")).isEqualTo(first.json().get("runId"));

        TestHttp.Response other = desk.generateWithKey(key, numberOfCodes(11, TEN_OFF, ""));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        desk.awaitRuns(first.json().get("promoBatchId").asString());
        assertThat(desk.codes(first.json().get("promoBatchId").asString())).hasSize(10);
    }

    private List<String> chunkPayloads(String batch) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE payload_type LIKE '%PromoCodesGeneratedEvent' AND convert_from(payload, 'UTF8') LIKE ?")
                .param("%" + batch + "%").query(String.class).list();
    }

    private static List<String> packed(String payload, int length) {
        String packedCodes = payload.replaceAll(".*\"packedCodes\":\"([^\"]*)\".*", "$1");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < packedCodes.length(); i += length) {
            codes.add(packedCodes.substring(i, i + length));
        }
        return codes;
    }
}
