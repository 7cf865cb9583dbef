package io.coupons.query.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.search.CodeDetails;
import io.coupons.api.search.CodePage;
import io.coupons.api.search.CodeSummary;
import io.coupons.api.search.FindCodesQuery;
import io.coupons.api.search.GetCodeDetailsQuery;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import io.coupons.query.redemption.UsageFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Find Coupon (seed 000): full code or prefix, case-insensitive, keyset pages of 50, each row's details. */
@QuerySideTest
class CodeSearchTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:15:00Z");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    QueryGateway queryGateway;

    SearchFixture fixture;
    TestHttp admin;

    @BeforeEach
    void setUp() {
        fixture = new SearchFixture(eventStore, transactions);
        admin = TestHttp.at(port).as("admin");
    }

    @Test
    void findsACodeWhateverItsCaseAndSurroundingSpaces() {
        SearchFixture.Campaign pool = fixture.campaign(UsageFixture.uniqueCode("CI"), CampaignType.BULK_POOL, 1, null);
        String code = pool.code + "-AB3C";
        pool.generate(1, List.of(code));
        awaitProjections();

        assertThat(codes(search("  " + code.toLowerCase() + "  "))).containsExactly(code);
        assertThat(codes(search(code.substring(0, 6).toLowerCase()))).containsExactly(code);
    }

    @Test
    void aPrefixFindsExactlyTheCodesStartingWithItInCodeOrder() {
        String base = UsageFixture.uniqueCode("PS");
        SearchFixture.Campaign pool = fixture.campaign(base, CampaignType.BULK_POOL, 1, null);
        pool.generate(1, List.of(base + "-B22", base + "-A11", base + "-A12", base + "-B21"));
        // Neighbours that contain the prefix elsewhere or differ only after '_' (not a wildcard here).
        fixture.campaign("X" + base + "_A", CampaignType.SINGLE_CODE, null, null);
        fixture.campaign(base + "_A", CampaignType.SINGLE_CODE, null, null);
        fixture.campaign(base + "XA", CampaignType.SINGLE_CODE, null, null);
        awaitProjections();

        assertThat(codes(search(base + "-A"))).containsExactly(base + "-A11", base + "-A12");
        assertThat(codes(search(base + "-"))).containsExactly(base + "-A11", base + "-A12", base + "-B21",
                base + "-B22");
        assertThat(codes(search(base + "_"))).containsExactly(base + "_A");
        assertThat(codes(search(base))).containsExactly(base + "-A11", base + "-A12", base + "-B21", base + "-B22",
                base + "XA", base + "_A");
        assertThat(codes(search(base + "-A11"))).containsExactly(base + "-A11");
        assertThat(codes(search(base + "-A113"))).isEmpty();
    }

    @Test
    void aGeneratedCodeIsFoundWithOrWithoutTheDashAfterItsPoolsCode() {
        String base = UsageFixture.uniqueCode("DS");
        SearchFixture.Campaign pool = fixture.campaign(base, CampaignType.BULK_POOL, 1, null);
        pool.generate(1, List.of(base + "-7KQ2", base + "-7KZZ", base + "-8AAA"));
        // The same letters with no dash are also a single code: both are shown, nothing is guessed.
        fixture.campaign(base + "7KQ9", CampaignType.SINGLE_CODE, null, null);
        awaitProjections();

        assertThat(codes(search(base.toLowerCase() + "7kq2"))).containsExactly(base + "-7KQ2");
        assertThat(codes(search(base + "7K"))).containsExactly(base + "-7KQ2", base + "-7KZZ", base + "7KQ9");
        assertThat(codes(search(base + "-7K"))).containsExactly(base + "-7KQ2", base + "-7KZZ");
        assertThat(json(admin.get("/api/codes/" + base.toLowerCase() + "8aaa")).get("code").get("code").asString())
                .isEqualTo(base + "-8AAA");
    }

    @Test
    void pagesNeverRepeatOrSkipACodeWhileNewCodesAreInserted() {
        String base = UsageFixture.uniqueCode("PG");
        SearchFixture.Campaign pool = fixture.campaign(base, CampaignType.BULK_POOL, 1, null);
        List<String> original = IntStream.range(0, 120).mapToObj(i -> base + "-" + (100_000 + i)).toList();
        pool.generate(1, original);
        awaitProjections();

        JsonNode first = search(base);
        assertThat(codes(first)).containsExactlyElementsOf(original.subList(0, 50));
        // Generated after page 1 was read: one sorts before the cursor, two after it.
        String beforeCursor = base + "-100010A";
        String afterCursor = base + "-100077A";
        String last = base + "-100119Z";
        pool.generate(2, List.of(beforeCursor, afterCursor, last));
        awaitProjections();

        List<String> seen = new ArrayList<>(codes(first));
        String cursor = first.get("nextCursor").asString();
        int pages = 1;
        while (cursor != null) {
            JsonNode page = json(admin.get("/api/codes?search=" + base + "&cursor=" + cursor));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(50);
            seen.addAll(codes(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        }

        List<String> expected = new ArrayList<>(original);
        expected.add(afterCursor);
        expected.add(last);
        assertThat(seen).doesNotHaveDuplicates().isSorted().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void readersPagingWhileWritersGenerateNeverSeeARepeatOrMissAnExistingCode() throws Exception {
        String base = UsageFixture.uniqueCode("CC");
        SearchFixture.Campaign pool = fixture.campaign(base, CampaignType.BULK_POOL, 1, null);
        List<String> original = IntStream.range(0, 200).mapToObj(i -> base + "-" + (100_000 + i)).toList();
        pool.generate(1, original);
        awaitProjections();
        int writers = 4;
        int batchesPerWriter = 10;

        // Writers add codes that sort between the existing ones ("100123CA" follows "100123"); the
        // two letters name the batch, so no two batches share a code.
        List<List<String>> outcomes = Concurrently.run(8, 8, call -> {
            if (call < writers) {
                List<String> added = new ArrayList<>();
                for (int b = 0; b < batchesPerWriter; b++) {
                    int number = 2 + call * batchesPerWriter + b;
                    String batchLetters = "" + "ABCDEFGHJK".charAt(number / 10) + "ABCDEFGHJK".charAt(number % 10);
                    List<String> codes = IntStream.range(0, 10)
                            .mapToObj(i -> base + "-" + (100_000 + (number * 37 + i * 19) % 200) + batchLetters)
                            .toList();
                    pool.generate(number, codes);
                    added.addAll(codes);
                }
                return added;
            }
            return pageThrough(base, 5);
        });
        awaitProjections();

        List<String> everything = new ArrayList<>(original);
        outcomes.subList(0, writers).forEach(everything::addAll);
        for (List<String> seen : outcomes.subList(writers, outcomes.size())) {
            assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(original);
            assertThat(everything).containsAll(seen);
        }
        assertThat(pageThrough(base, 50)).containsExactlyInAnyOrderElementsOf(everything);
    }

    private List<String> pageThrough(String search, int size) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(admin.get("/api/codes?size=" + size + "&search=" + search
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            seen.addAll(codes(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return seen;
    }

    @Test
    void theLastPageSaysThereIsNothingMoreToLoad() {
        String base = UsageFixture.uniqueCode("LP");
        SearchFixture.Campaign pool = fixture.campaign(base, CampaignType.BULK_POOL, 1, null);
        pool.generate(1, IntStream.range(0, 50).mapToObj(i -> base + "-" + (10 + i)).toList());
        awaitProjections();

        JsonNode page = search(base);

        assertThat(page.get("items").size()).isEqualTo(50);
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(json(admin.get("/api/codes?search=" + base + "&size=20")).get("nextCursor").isNull()).isFalse();
    }

    @Test
    void anUnknownCodeIsPlainlyNotFound() {
        String unknown = UsageFixture.uniqueCode("NONE");

        assertThat(search(unknown).get("items").size()).isZero();
        TestHttp.Response details = admin.get("/api/codes/" + unknown);
        assertThat(details.status()).isEqualTo(404);
        assertThat(details.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(details.json().get("detail").asString()).contains(unknown);
    }

    @Test
    void theDetailsOfARedeemedCodeListEachRedemptionWithItsCampaignBatchAndRuleInForce() {
        DiscountRuleId rule = fixture.rule("Ten off " + UsageFixture.uniqueCode(""));
        String base = UsageFixture.uniqueCode("RD");
        SearchFixture.Campaign pool = fixture.campaign(base, CampaignType.BULK_POOL, 3, rule);
        String code = base + "-Q7Q7";
        BatchId batch = pool.generate(1, List.of(code, base + "-Q7Q8"));
        CodeRedeemedEvent first = fixture.usage.redeem(code, pool.id, batch, "acct-1", MONDAY, "USD", "5.00");
        CodeRedeemedEvent second = fixture.usage.redeem(code, pool.id, batch, "acct-2", MONDAY.plusSeconds(60), "USD",
                "7.00");
        fixture.usage.reverse(first, MONDAY.plusSeconds(120), "order cancelled");
        awaitProjections();

        JsonNode details = json(admin.get("/api/codes/" + code.toLowerCase()));

        JsonNode row = details.get("code");
        assertThat(row.get("code").asString()).isEqualTo(code);
        assertThat(row.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(row.get("campaignCode").asString()).isEqualTo(base);
        assertThat(row.get("campaignType").asString()).isEqualTo("BULK_POOL");
        assertThat(row.get("batchId").asString()).isEqualTo(batch.toString());
        assertThat(row.get("batchNumber").asInt()).isEqualTo(1);
        assertThat(row.get("generatedAt").isNull()).isFalse();
        assertThat(row.get("totalRedemptions").asLong()).isEqualTo(1);
        assertThat(row.get("remainingUses").asLong()).isEqualTo(2);
        assertThat(Instant.parse(row.get("lastUsedAt").asString())).isEqualTo(MONDAY.plusSeconds(60));
        assertThat(details.get("campaign").get("id").asString()).isEqualTo(pool.id.toString());
        assertThat(details.get("ruleInForce").get("id").asString()).isEqualTo(rule.toString());
        assertThat(details.get("ruleInForce").get("terms").get("percentOff").decimalValue()).isEqualByComparingTo("10");
        assertThat(details.get("usage").get("discountGiven").get(0).get("amount").decimalValue())
                .isEqualByComparingTo("7.00");
        assertThat(details.get("redemptionsRecorded").asLong()).isEqualTo(2);
        JsonNode newest = details.get("redemptions").get(0);
        assertThat(newest.get("orderId").asString()).isEqualTo(second.orderId());
        assertThat(newest.get("accountId").asString()).isEqualTo("acct-2");
        assertThat(Instant.parse(newest.get("redeemedAt").asString())).isEqualTo(MONDAY.plusSeconds(60));
        JsonNode reversed = details.get("redemptions").get(1);
        assertThat(reversed.get("orderId").asString()).isEqualTo(first.orderId());
        assertThat(reversed.get("reversed").asBoolean()).isTrue();
        assertThat(codes(search(code)).get(0)).isEqualTo(code);
        assertThat(search(code).get("items").get(0)).isEqualTo(row);
    }

    @Test
    void singleCodesAndUrlTokenCampaignsCodesAreFoundToo() {
        String single = UsageFixture.uniqueCode("ONE");
        String linked = UsageFixture.uniqueCode("LNK");
        fixture.campaign(single, CampaignType.SINGLE_CODE, null, null);
        SearchFixture.Campaign token = fixture.campaign(linked, CampaignType.URL_TOKEN, 1, null);
        awaitProjections();

        JsonNode singleRow = search(single).get("items").get(0);
        assertThat(singleRow.get("campaignType").asString()).isEqualTo("SINGLE_CODE");
        assertThat(singleRow.get("batchId").isNull()).isTrue();
        assertThat(singleRow.get("remainingUses").isNull()).isTrue();
        JsonNode tokenRow = search(linked).get("items").get(0);
        assertThat(tokenRow.get("campaignType").asString()).isEqualTo("URL_TOKEN");
        assertThat(tokenRow.get("campaignId").asString()).isEqualTo(token.id.toString());
    }

    @Test
    void aChangedSingleCodeStaysFindableAsDeletedAndTheNewCodeIsActive() {
        DiscountRuleId rule = fixture.rule("Rename " + UsageFixture.uniqueCode(""));
        String old = UsageFixture.uniqueCode("OLD");
        String renamed = UsageFixture.uniqueCode("NEW");
        SearchFixture.Campaign campaign = fixture.campaign(old, CampaignType.SINGLE_CODE, null, rule);
        campaign.changeCode(old, renamed);
        awaitProjections();

        JsonNode oldRow = search(old).get("items").get(0);
        assertThat(oldRow.get("status").asString()).isEqualTo("DELETED");
        assertThat(oldRow.get("deletedAt").isNull()).isFalse();
        assertThat(oldRow.get("campaignCode").asString()).isEqualTo(renamed);
        assertThat(search(renamed).get("items").get(0).get("status").asString()).isEqualTo("ACTIVE");

        // Freed, the old code can be another campaign's: then it is that campaign's, and active.
        SearchFixture.Campaign other = fixture.campaign(old, CampaignType.SINGLE_CODE, null, rule);
        awaitProjections();
        JsonNode reclaimed = search(old).get("items").get(0);
        assertThat(reclaimed.get("campaignId").asString()).isEqualTo(other.id.toString());
        assertThat(reclaimed.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void statusSaysWhyACodeWouldNotWorkAtCheckout() {
        DiscountRuleId rule = fixture.rule("Status " + UsageFixture.uniqueCode(""));
        Instant now = Instant.now();
        String active = single(rule, null);
        String noRule = single(null, null);
        SearchFixture.Campaign later = fixture.campaign(UsageFixture.uniqueCode("LATER"), CampaignType.SINGLE_CODE,
                null, rule);
        later.reschedule(now.plusSeconds(86_400), null);
        SearchFixture.Campaign over = fixture.campaign(UsageFixture.uniqueCode("OVER"), CampaignType.SINGLE_CODE, null,
                rule);
        over.reschedule(null, now.minusSeconds(60));
        SearchFixture.Campaign archived = fixture.campaign(UsageFixture.uniqueCode("ARCH"), CampaignType.SINGLE_CODE,
                null, rule);
        archived.append(new io.coupons.api.campaign.CampaignArchivedEvent(archived.id));
        SearchFixture.Campaign once = fixture.campaign(UsageFixture.uniqueCode("USED"), CampaignType.SINGLE_CODE, 1,
                rule);
        fixture.usage.redeem(once.code, once.id, null, "acct-1", MONDAY, "USD", "1.00");
        awaitProjections();

        assertThat(status(active)).isEqualTo("ACTIVE");
        assertThat(status(noRule)).isEqualTo("DISABLED");
        assertThat(status(later.code)).isEqualTo("SCHEDULED");
        assertThat(status(over.code)).isEqualTo("EXPIRED");
        assertThat(status(archived.code)).isEqualTo("ARCHIVED");
        assertThat(status(once.code)).isEqualTo("EXHAUSTED");
        assertThat(search(once.code).get("items").get(0).get("remainingUses").asLong()).isZero();
    }

    @Test
    void adminsAndAuditorsSearchCheckoutAndStrangersCannot() {
        String code = single(null, null);
        awaitProjections();

        for (String path : List.of("/api/codes?search=" + code, "/api/codes/" + code)) {
            assertThat(TestHttp.at(port).as("admin").get(path).status()).as(path).isEqualTo(200);
            assertThat(TestHttp.at(port).as("auditor").get(path).status()).as(path).isEqualTo(200);
            assertThat(TestHttp.at(port).as("checkout").get(path).status()).as(path).isEqualTo(403);
            assertThat(TestHttp.at(port).get(path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void malformedOrForeignCursorsAreRefusedWith400() {
        String base = UsageFixture.uniqueCode("CR");
        SearchFixture.Campaign pool = fixture.campaign(base, CampaignType.BULK_POOL, 1, null);
        pool.generate(1, IntStream.range(0, 3).mapToObj(i -> base + "-" + (10 + i)).toList());
        awaitProjections();
        String valid = json(admin.get("/api/codes?search=" + base + "&size=1")).get("nextCursor").asString();
        String otherSearch = json(admin.get("/api/codes?search=" + base + "-1&size=1")).get("nextCursor").asString();

        // Hand-made ones lack the checksum, even when their content is right.
        List<String> bad = List.of("not a cursor", "%%%", valid + "x", valid.substring(0, valid.length() - 3),
                valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA"), otherSearch,
                encode("c1\n" + base + "\n" + base + "-10"), encode(base + "-10"), "");
        for (String cursor : bad) {
            TestHttp.Response response = admin.get("/api/codes?search=" + base + "&size=1&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            assertThat(response.status()).as(cursor + ": " + response).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("INVALID_PARAMETER");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        }
        assertThat(admin.get("/api/codes?search=" + base.toLowerCase() + "&size=1&cursor=" + valid).status())
                .isEqualTo(200);
    }

    @Test
    void aMissingOrImpossibleSearchOrPageSizeIsRefusedWith400NamingIt() {
        assertBadParameter("/api/codes", "search");
        assertBadParameter("/api/codes?search=%20%20", "search");
        assertBadParameter("/api/codes?search=ab%25cd", "search");
        assertBadParameter("/api/codes?search=" + "A".repeat(65), "search");
        assertBadParameter("/api/codes?search=ABC&size=0", "size");
        assertBadParameter("/api/codes?search=ABC&size=201", "size");
        assertBadParameter("/api/codes/ab%20cd", "code");
    }

    @Test
    void axonClientsSendTheSameQueriesAndGetTheSameAnswers() {
        String base = UsageFixture.uniqueCode("AX");
        SearchFixture.Campaign pool = fixture.campaign(base, CampaignType.BULK_POOL, 1, null);
        pool.generate(1, List.of(base + "-11", base + "-12", base + "-13"));
        awaitProjections();

        CodePage first = queryGateway.query(new FindCodesQuery(" " + base.toLowerCase(), null, 2),
                ResponseTypes.instanceOf(CodePage.class)).join();
        CodePage second = queryGateway.query(new FindCodesQuery(base, first.nextCursor(), 2),
                ResponseTypes.instanceOf(CodePage.class)).join();

        assertThat(first.items()).extracting(CodeSummary::code).containsExactly(base + "-11", base + "-12");
        assertThat(second.items()).extracting(CodeSummary::code).containsExactly(base + "-13");
        assertThat(second.nextCursor()).isNull();
        assertThat(queryGateway.query(new GetCodeDetailsQuery(base + "-12"),
                ResponseTypes.optionalInstanceOf(CodeDetails.class)).join()).get()
                .extracting(details -> details.code().batchNumber()).isEqualTo(1);
        // Text that cannot be a code finds nothing; a cursor of another search is refused.
        assertThat(queryGateway.query(new FindCodesQuery("no such%code", null, 50),
                ResponseTypes.instanceOf(CodePage.class)).join().items()).isEmpty();
        assertThatThrownBy(() -> queryGateway.query(new FindCodesQuery(base + "-1", first.nextCursor(), 2),
                ResponseTypes.instanceOf(CodePage.class)).join())
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private void assertBadParameter(String path, String field) {
        TestHttp.Response response = admin.get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
    }

    private String single(DiscountRuleId rule, Integer uses) {
        return fixture.campaign(UsageFixture.uniqueCode("S"), CampaignType.SINGLE_CODE, uses, rule).code;
    }

    private String status(String code) {
        return search(code).get("items").get(0).get("status").asString();
    }

    private JsonNode search(String text) {
        return json(admin.get("/api/codes?search=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
    }

    private static JsonNode json(TestHttp.Response response) {
        assertThat(response.status()).as(response::toString).isEqualTo(200);
        return response.json();
    }

    private static List<String> codes(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).map(row -> row.get("code").asString())
                .toList();
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitProjections() {
        ProjectionsCaughtUp.await(processing, eventStore);
    }
}
