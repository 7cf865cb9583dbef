package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The Usage tab against the real system: three redemptions through checkout (two on one code, one
 * of them reversed, one on another code) and what the campaign's and the code's usage pages say,
 * chart included.
 */
@ExtendWith(UiSystem.class)
class UsageUiTest {

    static TestHttp commands;
    static TestHttp checkout;
    static TestHttp queries;
    static String campaignCode;
    static String campaign;
    static String twiceUsed;
    static String onceUsed;
    static String neverUsed;
    static String order;

    @BeforeAll
    static void threeRedemptionsOneReversed() {
        int commandSide = UiSystem.get().commandSidePort();
        commands = TestHttp.at(commandSide).as("admin", UiSystem.password("admin"));
        checkout = TestHttp.at(commandSide).as("checkout", UiSystem.password("checkout"));
        queries = TestHttp.at(UiSystem.get().querySidePort()).as("admin", UiSystem.password("admin"));
        String rule = commands.post("/api/discount-rules", """
                {"name": "Usage UI 25%", "terms": {"percentOff": 25, "currency": "USD", "displayMessage": "25% off"}}""")
                .json().get("id").asString();
        campaignCode = UiSystem.unique("US");
        campaign = commands.post("/api/campaigns", """
                {"code": "%s", "type": "BULK_POOL", "discountRuleId": "%s", "usesPerCode": 2}"""
                .formatted(campaignCode, rule)).json().get("id").asString();
        commands.post("/api/campaigns/" + campaign + "/batches", "{\"quantity\": 5}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> queries.get("/api/campaigns/" + campaign + "/batches/1"),
                        r -> r.status() == 200 && "COMPLETED".equals(r.json().get("state").asString()));
        List<String> codes = new String(queries.bytes("/api/campaigns/" + campaign + "/batches/1/codes.csv"))
                .lines().skip(1).map(line -> line.split(",")[0]).sorted().toList();
        twiceUsed = codes.get(0);
        onceUsed = codes.get(1);
        neverUsed = codes.get(2);
        order = "usage-ui-" + campaignCode;
        // Discount rules and campaigns are projected apart from the checkout's view: wait for an ACTIVE code.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> checkout.post("/api/redemptions/validate", body(twiceUsed, order + "-probe")),
                        r -> r.status() == 200 && r.json().get("accepted").asBoolean());
        for (TestHttp.Response redeemed : List.of(redeem(twiceUsed, order + "-1"), redeem(twiceUsed, order + "-2"),
                redeem(onceUsed, order + "-3"))) {
            assertThat(redeemed.status()).as(redeemed::toString).isEqualTo(201);
        }
        TestHttp.Response reversed = checkout.post("/api/redemptions/reversal",
                "{\"code\": \"" + twiceUsed + "\", \"orderId\": \"" + order + "-1\", \"reason\": \"cancelled\"}");
        assertThat(reversed.status()).as(reversed::toString).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.get("/api/campaigns/" + campaign + "/usage"), r -> r.status() == 200
                        && r.json().get("reversals").asLong() == 1 && r.json().get("redemptions").asLong() == 2);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.get("/api/codes/" + twiceUsed + "/usage"),
                        r -> r.status() == 200 && r.json().get("reversals").asLong() == 1);
    }

    @Test
    void theCampaignsUsageHasItsTotalsAndOneBarForToday() {
        try (Browser browser = Browser.open("usage-campaign")) {
            browser.signIn("admin");
            browser.click(By.id("tab-usage"));
            new Select(browser.find(By.id("usage-campaign"))).selectByValue(campaign);
            browser.click(By.id("usage-campaign-button"));

            assertThat(browser.find(By.id("usage-title")).getText()).isEqualTo("Campaign " + campaignCode);
            assertThat(browser.find(By.id("stat-codes-redeemed")).getText()).isEqualTo("2");
            assertThat(browser.find(By.id("stat-redemptions")).getText()).isEqualTo("2");
            assertThat(browser.find(By.id("stat-reversals")).getText()).isEqualTo("1");
            // 25 % of 60.00 twice in force; the reversed one gave its 15.00 back.
            assertThat(browser.find(By.id("stat-discount")).getText()).isEqualTo("30.00 USD");

            String today = LocalDate.now(ZoneOffset.UTC).toString();
            List<WebElement> bars = browser.all(By.cssSelector("#usage-chart g.day rect.bar.redemptions"));
            assertThat(bars).hasSize(1);
            assertThat(bars.get(0).getAttribute("data-redemptions")).isEqualTo("3");
            assertThat(title(browser, "#usage-chart g.day rect.bar.redemptions"))
                    .isEqualTo(today + ": 3 redemptions, 1 reversal");
            assertThat(title(browser, "#usage-chart g.day rect.bar.reversals")).isEqualTo(today + ": 1 reversal");
            assertThat(Double.parseDouble(bars.get(0).getAttribute("height"))).isPositive();
            WebElement row = browser.find(By.cssSelector("#usage-days tr[data-day='" + today + "']"));
            assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText)
                    .containsExactly(today, "3", "1", "2", "30.00 USD");
            assertThat(browser.find(By.cssSelector("#usage-batches a[data-batch='1']")).getText())
                    .isEqualTo("Batch #1 (5 codes)");
            browser.screenshot("usage-campaign");

            // Batch 1 holds every code of the pool: the same figures.
            browser.click(By.cssSelector("#usage-batches a[data-batch='1']"));
            assertThat(browser.find(By.id("usage-title")).getText())
                    .isEqualTo("Campaign " + campaignCode + " · Batch #1");
            assertThat(browser.find(By.id("stat-redemptions")).getText()).isEqualTo("2");
        }
    }

    @Test
    void theCodesUsageShowsItsRedemptions() {
        try (Browser browser = Browser.open("usage-code")) {
            browser.signIn("admin");
            browser.go("/usage");
            browser.type(By.id("usage-code"), twiceUsed.toLowerCase());
            browser.click(By.id("usage-code-button"));

            assertThat(browser.find(By.id("usage-code-title")).getText()).isEqualTo(twiceUsed);
            assertThat(browser.find(By.id("stat-redemptions")).getText()).isEqualTo("1");
            assertThat(browser.find(By.id("stat-remaining")).getText()).isEqualTo("1");
            assertThat(browser.find(By.id("stat-reversals")).getText()).isEqualTo("1");
            List<WebElement> rows = browser.all(By.cssSelector("#redemptions tr.redemption"));
            // Newest first: the second order, then the first (reversed).
            assertThat(rows).extracting(row -> row.getAttribute("data-order"))
                    .containsExactly(order + "-2", order + "-1");
            assertThat(rows).extracting(row -> row.getAttribute("data-reversed")).containsExactly("false", "true");
            assertThat(rows.get(0).getText()).contains("usage-ui-account").contains("15.00 USD");
            assertThat(browser.find(By.id("redemptions-range")).getText()).isEqualTo("1–2 of 2");
            assertThat(title(browser, "#usage-chart g.day rect.bar.redemptions"))
                    .isEqualTo(LocalDate.now(ZoneOffset.UTC) + ": 2 redemptions, 1 reversal");
            browser.screenshot("usage-code");
        }
    }

    @Test
    void aCodeNeverUsedSaysSoAndAnUnknownOneIsRefusedBesideTheForm() {
        try (Browser browser = Browser.open("usage-code-empty")) {
            browser.signIn("admin");
            browser.go("/usage/codes/" + neverUsed);
            assertThat(browser.find(By.id("redemptions-empty")).getText()).contains("No redemptions yet");
            assertThat(browser.find(By.id("usage-daily-empty")).getText()).contains("No redemptions yet");
            assertThat(browser.all(By.id("usage-chart"))).isEmpty();

            browser.go("/usage");
            browser.type(By.id("usage-code"), campaignCode + "-NOSUCH");
            browser.click(By.id("usage-code-button"));
            assertThat(browser.find(By.cssSelector("#usage-code-form .form-error")).getText())
                    .isEqualTo("No code " + campaignCode + "-NOSUCH is known.");

            browser.go("/usage/campaigns/00000000-0000-0000-0000-000000000000");
            assertThat(browser.find(By.id("usage-missing")).getText()).contains("NOT_FOUND");
            browser.click(By.id("usage-back"));
            assertThat(browser.find(By.id("usage-code-form")).isDisplayed()).isTrue();
        }
    }

    @Test
    void aPromoBatchsUsageCountsItsRedemption() {
        String name = UiSystem.unique("Usage UI promo ");
        TestHttp.Response accepted = commands.post("/api/promo-batches", """
                {"method": "NUMBER_OF_CODES", "numberOfCodes": 3, "codeLength": 10, "name": "%s", "enabled": true,
                 "terms": {"percentOff": 20, "displayMessage": "20%% off"}}""".formatted(name));
        assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
        String batch = accepted.json().get("promoBatchId").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> queries.get("/api/promo-batches/" + batch),
                        r -> r.status() == 200 && "COMPLETED".equals(r.json().get("batch").get("state").asString()));
        String code = queries.get("/api/promo-batches/" + batch + "/codes").json().get("items").get(0).get("code")
                .asString();
        TestHttp.Response redeemed = redeem(code, order + "-promo");
        assertThat(redeemed.status()).as(redeemed::toString).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.get("/api/promo-batches/" + batch + "/usage").json().get("redemptions").asLong() == 1);

        try (Browser browser = Browser.open("usage-promo")) {
            browser.signIn("admin");
            browser.go("/usage");
            new Select(browser.find(By.id("usage-promo-batch"))).selectByValue(batch);
            browser.screenshot("usage-lookups");
            browser.click(By.id("usage-promo-button"));

            assertThat(browser.find(By.id("usage-title")).getText()).isEqualTo("Promo batch " + name);
            assertThat(browser.find(By.id("stat-codes-redeemed")).getText()).isEqualTo("1");
            assertThat(browser.find(By.id("stat-redemptions")).getText()).isEqualTo("1");
            assertThat(browser.find(By.id("stat-reversals")).getText()).isEqualTo("0");
            // 20 % of 60.00.
            assertThat(browser.find(By.id("stat-discount")).getText()).isEqualTo("12.00 USD");
            assertThat(browser.all(By.cssSelector("#usage-chart g.day rect.bar.redemptions"))).hasSize(1);
            assertThat(browser.all(By.cssSelector("#usage-chart g.day rect.bar.reversals"))).isEmpty();
            assertThat(title(browser, "#usage-chart g.day rect.bar.redemptions"))
                    .isEqualTo(LocalDate.now(ZoneOffset.UTC) + ": 1 redemption, 0 reversals");
        }
    }

    private static String title(Browser browser, String selector) {
        return (String) browser.script("return document.querySelector(arguments[0]).querySelector('title').textContent",
                selector);
    }

    private static TestHttp.Response redeem(String code, String orderId) {
        return checkout.post("/api/redemptions", body(code, orderId));
    }

    private static String body(String code, String orderId) {
        return """
                {"code": "%s", "order": {"orderId": "%s", "accountId": "usage-ui-account", "subtotal": 60.00,
                 "currency": "USD", "lines": [{"variantId": "V1", "quantity": 2, "unitPrice": 30.00}]}}"""
                .formatted(code, orderId);
    }
}
