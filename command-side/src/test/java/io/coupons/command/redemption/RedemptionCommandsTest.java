package io.coupons.command.redemption;

import static io.coupons.command.redemption.RedemptionConcurrencyTest.used;
import static io.coupons.command.redemption.Shop.newOrderId;
import static io.coupons.command.redemption.Shop.reason;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.TestHttp;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Redeem, validate and reverse over real HTTP, down to the events and the ledger in PostgreSQL. */
@CommandSideTest
class RedemptionCommandsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Shop shop;
    EventStoreProbe events;

    @BeforeEach
    void setUp() {
        shop = new Shop(port);
        events = new EventStoreProbe(jdbc);
    }

    @Test
    void redeemsASingleCodeAndRecordsTheRedemptionWithItsDiscount() {
        String code = shop.singleCode(null);
        String orderId = newOrderId();

        TestHttp.Response redeemed = shop.redeem(code.toLowerCase() + "  ", orderId, "acc-1");

        assertThat(redeemed.status()).as(redeemed::toString).isEqualTo(201);
        JsonNode body = redeemed.json();
        assertThat(body.get("accepted").asBoolean()).isTrue();
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(amount(body.get("discount").get("linesTotal"))).isEqualTo("10.00");
        assertThat(redeemed.body()).contains("\"linesTotal\":10.00");
        assertThat(body.get("discount").get("lines")).hasSize(2);
        String redemptionId = body.get("redemptionId").asString();
        assertThat(events.eventTypes(redemptionId)).containsExactly("CodeRedeemedEvent");
        assertThat(events.payload(redemptionId, 0)).contains("\"orderId\":\"" + orderId + "\"")
                .contains("\"accountId\":\"acc-1\"");
        assertThat(events.metadata(redemptionId, 0)).contains("\"user\":\"checkout\"");
    }

    @Test
    void aRepeatedRedemptionAnswersTheFirstDecisionAndCountsOnce() {
        String code = shop.singleCode(5);
        String orderId = newOrderId();
        TestHttp.Response first = shop.redeem(code, orderId, "acc-1");
        long before = events.count();

        TestHttp.Response again = shop.redeem(code, orderId, "acc-1");

        assertThat(again.status()).as(again::toString).isEqualTo(200);
        assertThat(again.json().get("repeated").asBoolean()).isTrue();
        assertThat(again.json().get("redemptionId")).isEqualTo(first.json().get("redemptionId"));
        assertThat(again.json().get("discount")).isEqualTo(first.json().get("discount"));
        assertThat(events.count()).isEqualTo(before);
        assertThat(used(jdbc, code)).isEqualTo(1);
    }

    @Test
    void aRepeatWithItsAmountsWrittenDifferentlyIsTheSameRequest() {
        String code = shop.singleCode(5);
        String orderId = newOrderId();
        TestHttp.Response first = shop.redeem(code, orderId, "acc-1");

        TestHttp.Response again = shop.redeem(code, """
                {"orderId": "%s", "accountId": "acc-1", "currency": "USD", "shippingFee": 5,
                 "lines": [{"variantId": "V1", "quantity": 2, "unitPrice": 30},
                           {"variantId": "V2", "quantity": 1, "unitPrice": 40.0}]}""".formatted(orderId));

        assertThat(again.status()).as(again::toString).isEqualTo(200);
        assertThat(again.json().get("repeated").asBoolean()).isTrue();
        assertThat(again.json().get("redemptionId")).isEqualTo(first.json().get("redemptionId"));
    }

    @Test
    void aRetryOfARecordedOrderWithAnotherAccountOrOtherAmountsIs409AndCountsNothing() {
        String code = shop.singleCode(5);
        String orderId = newOrderId();
        shop.redeem(code, orderId, "acc-1");
        long before = events.count();

        TestHttp.Response otherAccount = shop.redeem(code, orderId, "acc-2");
        TestHttp.Response otherAmounts = shop.redeem(code, """
                {"orderId": "%s", "accountId": "acc-1", "firstOrder": false, "currency": "USD", "shippingFee": 5,
                 "lines": [{"variantId": "V1", "quantity": 3, "unitPrice": 30},
                           {"variantId": "V2", "quantity": 1, "unitPrice": 40}]}""".formatted(orderId));

        for (TestHttp.Response response : List.of(otherAccount, otherAmounts)) {
            assertThat(response.status()).as(response::toString).isEqualTo(409);
            assertThat(reason(response)).isEqualTo("IDEMPOTENCY_MISMATCH");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(events.count()).isEqualTo(before);
        assertThat(used(jdbc, code)).isEqualTo(1);
        assertThat(shop.redeem(code, orderId, "acc-1").status()).isEqualTo(200);
    }

    @Test
    void aDifferentRetryIs409AlsoWhenTheCodeWouldNowBeRefused() {
        String code = Shop.unique("ARCH");
        String campaignId = shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 10"), 1);
        String orderId = newOrderId();
        shop.redeem(code, orderId, "acc-1");
        shop.admin.post("/api/campaigns/" + campaignId + "/archive", "");
        long before = events.count();

        TestHttp.Response response = shop.redeem(code, orderId, "acc-2");

        assertThat(response.status()).as(response::toString).isEqualTo(409);
        assertThat(reason(response)).isEqualTo("IDEMPOTENCY_MISMATCH");
        assertThat(events.count()).isEqualTo(before);
        assertThat(used(jdbc, code)).isEqualTo(1);
    }

    /** Recorded before the fingerprint (revision 1): the account and the subtotal it holds decide. */
    @Test
    void aRetryOfARedemptionRecordedWithoutFingerprintComparesAccountAndSubtotal() {
        String code = shop.singleCode(5);
        String orderId = newOrderId();
        String redemptionId = shop.redeem(code, orderId, "acc-1").json().get("redemptionId").asString();
        jdbc.sql("""
                UPDATE domain_event_entry SET payload_revision = '1',
                       payload = convert_to((convert_from(payload, 'UTF8')::jsonb - 'orderFingerprint')::text, 'UTF8')
                WHERE aggregate_identifier = ? AND sequence_number = 0""").param(redemptionId).update();
        assertThat(events.payload(redemptionId, 0)).doesNotContain("orderFingerprint");
        long before = events.count();
        String sameSubtotalOtherLines = """
                {"orderId": "%s", "accountId": "%s", "currency": "USD",
                 "lines": [{"variantId": "V9", "quantity": 1, "unitPrice": 100}]}""";

        TestHttp.Response same = shop.redeem(code, sameSubtotalOtherLines.formatted(orderId, "acc-1"));
        TestHttp.Response otherAccount = shop.redeem(code, sameSubtotalOtherLines.formatted(orderId, "acc-2"));
        TestHttp.Response otherSubtotal = shop.redeem(code, """
                {"orderId": "%s", "accountId": "acc-1", "currency": "USD",
                 "lines": [{"variantId": "V1", "quantity": 1, "unitPrice": 90}]}""".formatted(orderId));

        assertThat(same.status()).as(same::toString).isEqualTo(200);
        assertThat(same.json().get("repeated").asBoolean()).isTrue();
        assertThat(amount(same.json().get("discount").get("total"))).isEqualTo("10.00");
        assertThat(reason(otherAccount)).isEqualTo("IDEMPOTENCY_MISMATCH");
        assertThat(reason(otherSubtotal)).isEqualTo("IDEMPOTENCY_MISMATCH");
        assertThat(events.count()).isEqualTo(before);
        assertThat(used(jdbc, code)).isEqualTo(1);
    }

    @Test
    void validationOfARecordedOrderIsNotAnIdempotentRepeat() {
        String code = shop.singleCode(5);
        String orderId = newOrderId();
        shop.redeem(code, orderId, "acc-1");

        TestHttp.Response validated = shop.validate(code, Shop.order(orderId, "acc-2"));

        assertThat(validated.status()).as(validated::toString).isEqualTo(200);
        assertThat(validated.json().get("accepted").asBoolean()).isTrue();
    }

    @Test
    void aRepeatAnswersTheRecordedRedemptionEvenAfterTheCampaignWasArchived() {
        String code = Shop.unique("ARCH");
        String campaignId = shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 10"), 1);
        String orderId = newOrderId();
        TestHttp.Response first = shop.redeem(code, orderId, null);
        shop.admin.post("/api/campaigns/" + campaignId + "/archive", "");

        TestHttp.Response again = shop.redeem(code, orderId, null);

        assertThat(again.status()).as(again::toString).isEqualTo(200);
        assertThat(again.json().get("redemptionId")).isEqualTo(first.json().get("redemptionId"));
        assertThat(reason(shop.redeem(code, newOrderId(), null))).isEqualTo("ARCHIVED");
    }

    @Test
    void rejectsALimitedCodeOnceItsUsesAreTaken() {
        String code = shop.singleCode(1);
        assertThat(shop.redeem(code, newOrderId(), null).status()).isEqualTo(201);

        TestHttp.Response second = shop.redeem(code, newOrderId(), null);

        assertThat(second.status()).isEqualTo(422);
        assertThat(reason(second)).isEqualTo("EXHAUSTED");
        assertThat(second.json().get("reason").asString()).isEqualTo("EXHAUSTED");
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aReversalGivesExactlyOneUseBackAndKeepsTheHistory() {
        String code = shop.singleCode(1);
        String orderId = newOrderId();
        String redemptionId = shop.redeem(code, orderId, null).json().get("redemptionId").asString();

        TestHttp.Response reversed = shop.reverse(code, orderId);

        assertThat(reversed.status()).as(reversed::toString).isEqualTo(200);
        assertThat(reversed.json().get("alreadyReversed").asBoolean()).isFalse();
        assertThat(used(jdbc, code)).isZero();
        assertThat(events.eventTypes(redemptionId)).containsExactly("CodeRedeemedEvent", "RedemptionReversedEvent");
        assertThat(shop.redeem(code, newOrderId(), null).status()).isEqualTo(201);
        assertThat(reason(shop.redeem(code, newOrderId(), null))).isEqualTo("EXHAUSTED");
    }

    @Test
    void reversingTwiceChangesNothingTheSecondTime() {
        String code = shop.singleCode(3);
        String orderId = newOrderId();
        String redemptionId = shop.redeem(code, orderId, null).json().get("redemptionId").asString();
        shop.reverse(code, orderId);

        TestHttp.Response again = shop.checkout.post("/api/redemptions/" + redemptionId + "/reversal", "{}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("alreadyReversed").asBoolean()).isTrue();
        assertThat(events.eventTypes(redemptionId)).hasSize(2);
        assertThat(used(jdbc, code)).isZero();
    }

    @Test
    void reversingSomethingNeverRedeemedIs404() {
        String code = shop.singleCode(3);
        long before = events.count();

        TestHttp.Response response = shop.reverse(code, newOrderId());

        assertThat(response.status()).isEqualTo(404);
        assertThat(reason(response)).isEqualTo("REDEMPTION_NOT_FOUND");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aReversedOrderCannotBeRedeemedAgainUnderTheSameOrderId() {
        String code = shop.singleCode(3);
        String orderId = newOrderId();
        shop.redeem(code, orderId, null);
        shop.reverse(code, orderId);

        TestHttp.Response again = shop.redeem(code, orderId, null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(reason(again)).isEqualTo("REDEMPTION_REVERSED");
    }

    @Test
    void oneUsePerAccountRejectsTheSecondOrderAndAReversalGivesTheAccountItsUseBack() {
        String code = Shop.unique("ONCE");
        shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 10, \"oneUsePerAccount\": true"), null);
        String firstOrder = newOrderId();
        assertThat(shop.redeem(code, firstOrder, "acc-7").status()).isEqualTo(201);

        TestHttp.Response second = shop.redeem(code, newOrderId(), "acc-7");
        assertThat(reason(second)).isEqualTo("ALREADY_USED_BY_ACCOUNT");
        assertThat(shop.redeem(code, newOrderId(), "acc-8").status()).isEqualTo(201);

        shop.reverse(code, firstOrder);
        assertThat(shop.redeem(code, newOrderId(), "acc-7").status()).isEqualTo(201);
    }

    @Test
    void oneUsePerAccountNeedsTheAccount() {
        String code = Shop.unique("ONCE");
        shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 10, \"oneUsePerAccount\": true"), null);

        TestHttp.Response response = shop.redeem(code, newOrderId(), null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("order.accountId");
    }

    @Test
    void aCodeFreedByACodeChangeStartsAfreshInItsNewCampaign() {
        String code = Shop.unique("REUSE");
        String rule = shop.rule("\"percentOff\": 10");
        String first = shop.campaign(code, "SINGLE_CODE", rule, 1);
        assertThat(shop.redeem(code, newOrderId(), null).status()).isEqualTo(201);
        assertThat(reason(shop.redeem(code, newOrderId(), null))).isEqualTo("EXHAUSTED");

        shop.admin.put("/api/campaigns/" + first + "/code", "{\"code\": \"" + Shop.unique("MOVED") + "\"}");
        shop.campaign(code, "SINGLE_CODE", rule, 1);

        assertThat(shop.redeem(code, newOrderId(), null).status()).isEqualTo(201);
    }

    @Test
    void validationAnswersTheDecisionAndRecordsNothing() {
        String code = shop.singleCode(1);
        long before = events.count();

        TestHttp.Response validated = shop.validate(code, Shop.order(newOrderId(), "acc-1"));

        assertThat(validated.status()).isEqualTo(200);
        assertThat(validated.json().get("accepted").asBoolean()).isTrue();
        assertThat(amount(validated.json().get("discount").get("total"))).isEqualTo("10.00");
        assertThat(validated.json().get("redemptionId").isNull()).isTrue();
        assertThat(events.count()).isEqualTo(before);
        assertThat(used(jdbc, code)).isZero();
    }

    @Test
    void validationReportsAnExhaustedCode() {
        String code = shop.singleCode(1);
        shop.redeem(code, newOrderId(), null);

        TestHttp.Response validated = shop.validate(code, Shop.order(newOrderId(), null));

        assertThat(validated.status()).isEqualTo(200);
        assertThat(validated.json().get("accepted").asBoolean()).isFalse();
        assertThat(validated.json().get("reason").asString()).isEqualTo("EXHAUSTED");
    }

    @Test
    void anArchivedCampaignsCodeIsRefused() {
        String code = Shop.unique("OLD");
        String campaignId = shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 10"), null);
        shop.admin.post("/api/campaigns/" + campaignId + "/archive", "");

        assertThat(reason(shop.redeem(code, newOrderId(), null))).isEqualTo("ARCHIVED");
    }

    @Test
    void aRescheduledCampaignIsDecidedWithItsNewDates() {
        String code = Shop.unique("LATER");
        String campaignId = shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 10"), null);
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        shop.admin.put("/api/campaigns/" + campaignId + "/schedule", "{\"startsAt\": \"" + tomorrow + "\"}");

        assertThat(reason(shop.redeem(code, newOrderId(), null))).isEqualTo("NOT_STARTED");
    }

    @Test
    void aCampaignWithoutARuleGivesNothingAndIsDisabled() {
        String code = Shop.unique("BARE");
        shop.campaign(code, "SINGLE_CODE", null, null);

        assertThat(reason(shop.redeem(code, newOrderId(), null))).isEqualTo("DISABLED");
    }

    @Test
    void aRevisedRuleAppliesToTheNextRedemption() {
        String code = Shop.unique("REV");
        String ruleId = shop.rule("\"percentOff\": 10");
        shop.campaign(code, "SINGLE_CODE", ruleId, null);
        assertThat(amount(shop.redeem(code, newOrderId(), null).json().get("discount").get("total")))
                .isEqualTo("10.00");

        shop.admin.put("/api/discount-rules/" + ruleId, "{\"name\": \"twenty\", \"terms\": {\"percentOff\": 20}}");

        assertThat(amount(shop.redeem(code, newOrderId(), null).json().get("discount").get("total")))
                .isEqualTo("20.00");
    }

    @Test
    void aVariantTargetingGroupSelectsItsVariants() {
        String group = Shop.unique("shoes");
        assertThat(shop.admin.put("/api/variant-groups/" + group, "{\"variantIds\": [\"V2\", \"V9\"]}").status())
                .isEqualTo(200);
        String code = Shop.unique("SHOES");
        shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 50, \"percentOnlyOnSelectedVariants\": true, "
                + "\"variantTargetingGroup\": \"" + group + "\""), null);

        JsonNode discount = shop.redeem(code, newOrderId(), null).json().get("discount");

        assertThat(amount(discount.get("linesTotal"))).isEqualTo("20.00");
        assertThat(discount.get("lines").get(0).get("variantId").asString()).isEqualTo("V2");
        assertThat(reason(shop.redeem(code, """
                {"orderId": "%s", "subtotal": 10, "currency": "USD",
                 "lines": [{"variantId": "V1", "quantity": 1, "unitPrice": 10}]}""".formatted(newOrderId()))))
                .isEqualTo("NO_ELIGIBLE_ITEMS");
    }

    @Test
    void aNonStackableCodeIsRefusedNextToAnotherCodeButAStackableOneIsNot() {
        String first = shop.singleCode(null);
        String plain = shop.singleCode(null);
        String stackable = Shop.unique("STACK");
        shop.campaign(stackable, "SINGLE_CODE", shop.rule("\"percentOff\": 5, \"ignoreTotalOrderCodeLimit\": true"),
                null);
        String withFirst = """
                {"orderId": "%s", "subtotal": 50, "currency": "USD", "codesOnOrder": ["%s"],
                 "lines": [{"variantId": "V1", "quantity": 1, "unitPrice": 50}]}""";

        assertThat(reason(shop.redeem(plain, withFirst.formatted(newOrderId(), first)))).isEqualTo("NOT_STACKABLE");
        assertThat(shop.redeem(stackable, withFirst.formatted(newOrderId(), first)).status()).isEqualTo(201);
    }

    @Test
    void urlTokensRedeemLikeTheirCampaignCodeAndTheTypedCodeIsNotEnough() {
        String code = Shop.unique("LINK");
        String campaignId = shop.campaign(code, "URL_TOKEN", shop.rule("\"freeGroundShipping\": true"), 10);
        String token = jdbc.sql("SELECT url_token FROM redemption_campaign WHERE campaign_id = ?::uuid")
                .param(campaignId).query(String.class).single();
        String orderId = newOrderId();

        TestHttp.Response redeemed = shop.checkout.post("/api/redemptions",
                "{\"urlToken\": \"" + token + "\", \"order\": " + Shop.order(orderId, null) + "}");

        assertThat(redeemed.status()).as(redeemed::toString).isEqualTo(201);
        assertThat(redeemed.json().get("code").asString()).isEqualTo(code);
        assertThat(amount(redeemed.json().get("discount").get("shippingDiscount"))).isEqualTo("5.00");
        assertThat(used(jdbc, code)).isEqualTo(1);
        assertThat(reason(shop.redeem(code, newOrderId(), null))).isEqualTo("UNKNOWN_CODE");
        assertThat(shop.reverse(code, orderId).status()).isEqualTo(200);
    }

    @Test
    void unknownCodesGetTheSameAnswerWhetherOrNotTheirPrefixExists() {
        String existing = shop.singleCode(null);

        TestHttp.Response withPrefix = shop.redeem(existing + "X", newOrderId(), "acc-guess-1");
        TestHttp.Response without = shop.redeem("NOPE" + existing, newOrderId(), "acc-guess-2");

        assertThat(withPrefix.status()).isEqualTo(422).isEqualTo(without.status());
        assertThat(reason(withPrefix)).isEqualTo("UNKNOWN_CODE");
        assertThat(withPrefix.body()).isEqualTo(without.body());
    }

    @Test
    void malformedOrdersAreRefusedNamingEveryFieldAndChangeNothing() {
        String code = shop.singleCode(1);
        long before = events.count();

        TestHttp.Response response = shop.redeem(code, """
                {"subtotal": -1, "currency": "XX",
                 "lines": [{"variantId": "", "quantity": 0, "unitPrice": 1.999}]}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("order.orderId", "order.currency", "order.subtotal", "order.lines[0].variantId",
                        "order.lines[0].quantity");
        assertThat(events.count()).isEqualTo(before);
        assertThat(used(jdbc, code)).isZero();
    }

    @Test
    void anOrderWithoutLinesIsRefusedAndChangesNothing() {
        String code = shop.singleCode(1);
        long before = events.count();

        for (String lines : new String[] {"\"lines\": [],", "\"lines\": null,", ""}) {
            TestHttp.Response response = shop.redeem(code, """
                    {"orderId": "%s", "subtotal": 80.00, %s "currency": "USD"}""".formatted(newOrderId(), lines));

            assertThat(response.status()).as(response::toString).isEqualTo(422);
            assertThat(reason(response)).isEqualTo("INVALID_FIELDS");
            assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                    .containsExactly("order.lines");
        }
        assertThat(events.count()).isEqualTo(before);
        assertThat(used(jdbc, code)).isZero();
    }

    @Test
    void aSubtotalTheLinesDoNotReachIsRefusedAndChangesNothing() {
        String code = Shop.unique("MIN");
        shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 10, \"orderMinimum\": 100, \"currency\": \"USD\""),
                1);
        long before = events.count();

        TestHttp.Response response = shop.redeem(code, """
                {"orderId": "%s", "subtotal": 150.00, "currency": "USD",
                 "lines": [{"variantId": "V1", "quantity": 1, "unitPrice": 50.00}]}""".formatted(newOrderId()));

        assertThat(response.status()).as(response::toString).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("order.subtotal");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("50.00");
        assertThat(events.count()).isEqualTo(before);
        assertThat(used(jdbc, code)).isZero();
    }

    @Test
    void aLeftOutSubtotalIsWhatTheLinesAddUpTo() {
        String code = Shop.unique("MIN");
        shop.campaign(code, "SINGLE_CODE", shop.rule("\"percentOff\": 10, \"orderMinimum\": 100, \"currency\": \"USD\""),
                null);
        String order = """
                {"orderId": "%s", "currency": "USD", "lines": [{"variantId": "V1", "quantity": %d, "unitPrice": 50}]}""";

        assertThat(reason(shop.redeem(code, order.formatted(newOrderId(), 1)))).isEqualTo("BELOW_MINIMUM");
        TestHttp.Response redeemed = shop.redeem(code, order.formatted(newOrderId(), 2));
        assertThat(redeemed.status()).as(redeemed::toString).isEqualTo(201);
        assertThat(amount(redeemed.json().get("discount").get("total"))).isEqualTo("10.00");
    }

    @Test
    void unknownFieldsAndBrokenJsonAre400() {
        assertThat(shop.checkout.post("/api/redemptions", "{\"code\": \"X\", \"odrer\": {}}").status())
                .isEqualTo(400);
        assertThat(shop.checkout.post("/api/redemptions", "{\"code\": ").status()).isEqualTo(400);
    }

    @Test
    void malformedReversalsAndVariantGroupsAreRefusedAndChangeNothing() {
        long before = events.count();

        TestHttp.Response badId = shop.checkout.post("/api/redemptions/not-a-uuid/reversal", "{}");
        TestHttp.Response unnamed = shop.checkout.post("/api/redemptions/reversal", "{\"reason\": \"x\"}");
        TestHttp.Response blankVariant = shop.admin.put("/api/variant-groups/" + Shop.unique("g"),
                "{\"variantIds\": [\"V1\", \" \"]}");

        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(unnamed.json().get("errors").get(0).get("field").asString()).isEqualTo("redemptionId");
        assertThat(blankVariant.status()).isEqualTo(422);
        assertThat(blankVariant.json().get("errors").get(0).get("field").asString()).isEqualTo("variantIds[1]");
        assertThat(events.count()).isEqualTo(before);
    }

    /** Amounts travel as JSON numbers at the currency's scale (10.00, not 10 or 10.0). */
    private static String amount(JsonNode node) {
        return node.decimalValue().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
