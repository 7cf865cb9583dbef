package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * Find Coupon from the top bar against the real system: a bulk pool of 120 codes is found by its
 * prefix 50 at a time, "Load more" appends the rest, and a row expands into what support needs
 * (generated date, status, then the order and account of a redemption made through checkout).
 */
@ExtendWith(UiSystem.class)
class FindCouponUiTest {

    static final int CODES = 120;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    static TestHttp commands;
    static TestHttp checkout;
    static TestHttp queries;
    static String prefix;
    static List<String> codes;

    @BeforeAll
    static void aBulkPoolOf120Codes() {
        int commandSide = UiSystem.get().commandSidePort();
        commands = TestHttp.at(commandSide).as("admin", UiSystem.password("admin"));
        checkout = TestHttp.at(commandSide).as("checkout", UiSystem.password("checkout"));
        queries = TestHttp.at(UiSystem.get().querySidePort()).as("admin", UiSystem.password("admin"));
        String rule = commands.post("/api/discount-rules", """
                {"name": "Find UI 25%", "terms": {"percentOff": 25, "currency": "USD", "displayMessage": "25% off"}}""")
                .json().get("id").asString();
        prefix = UiSystem.unique("FC");
        TestHttp.Response created = commands.post("/api/campaigns", """
                {"code": "%s", "type": "BULK_POOL", "discountRuleId": "%s", "usesPerCode": 2}""".formatted(prefix, rule));
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        String campaign = created.json().get("id").asString();
        commands.post("/api/campaigns/" + campaign + "/batches", "{\"quantity\": " + CODES + "}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> queries.get("/api/campaigns/" + campaign + "/batches/1"),
                        r -> r.status() == 200 && "COMPLETED".equals(r.json().get("state").asString()));
        codes = new String(queries.bytes("/api/campaigns/" + campaign + "/batches/1/codes.csv"))
                .lines().skip(1).map(line -> line.split(",")[0]).sorted().toList();
        assertThat(codes).hasSize(CODES);
        // The campaign's status (ACTIVE) is projected apart from the codes: wait until the search shows it.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.get("/api/codes/" + codes.get(0)),
                        r -> r.status() == 200 && "ACTIVE".equals(r.json().get("code").get("status").asString()));
    }

    @Test
    void aPrefixFinds50CodesAtATimeAndLoadMoreAppendsTheRest() {
        try (Browser browser = Browser.open("find-coupon")) {
            browser.signIn("admin");
            find(browser, prefix.toLowerCase());

            assertThat(rowCount(browser)).isEqualTo(50);
            browser.screenshot("find-coupon-results");
            browser.click(By.id("find-load-more"));
            browser.until(driver -> rowCount(browser) == 100);
            browser.click(By.id("find-load-more"));
            browser.until(driver -> rowCount(browser) == CODES);
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("find-load-more")));

            assertThat(browser.all(By.id("find-load-more"))).isEmpty();
            List<String> shown = rowCodes(browser);
            assertThat(shown).allMatch(code -> code.startsWith(prefix + "-"));
            // In code order, every code of the pool once: nothing repeated or skipped across the pages.
            assertThat(shown).isSorted().containsExactlyElementsOf(codes);
        }
    }

    @Test
    void aRowExpandsIntoTheCodesDetailsAndShowsItsRedemption() {
        String code = codes.get(7);
        JsonNode before = queries.get("/api/codes/" + code).json().get("code");
        try (Browser browser = Browser.open("find-coupon-expand")) {
            browser.signIn("admin");
            find(browser, code);
            assertThat(rowCodes(browser)).containsExactly(code);

            WebElement details = expand(browser, code);
            assertThat(fact(details, "generated"))
                    .isEqualTo(SHOWN.format(Instant.parse(before.get("generatedAt").asString())));
            assertThat(fact(details, "status")).isEqualTo("ACTIVE");
            assertThat(fact(details, "used-at")).isEqualTo("never used");
            assertThat(fact(details, "remaining")).isEqualTo("2");

            String order = "find-ui-" + UiSystem.unique("O");
            TestHttp.Response redeemed = checkout.post("/api/redemptions", """
                    {"code": "%s", "order": {"orderId": "%s", "accountId": "find-ui-account", "subtotal": 60.00,
                     "currency": "USD", "lines": [{"variantId": "V1", "quantity": 2, "unitPrice": 30.00}]}}"""
                    .formatted(code, order));
            assertThat(redeemed.status()).as(redeemed::toString).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> queries.get("/api/codes/" + code).json().get("redemptions").size() == 1);

            // A second click closes the details; opening them again asks the API anew.
            row(browser, code).click();
            browser.until(ExpectedConditions.invisibilityOf(details));
            expand(browser, code);
            // The old details show again at once; the API's answer then replaces them.
            browser.until(driver -> order.equals(freshFact(browser, code, "order")));
            details = browser.find(detailsOf(code));
            assertThat(fact(details, "order")).isEqualTo(order);
            assertThat(fact(details, "used-by")).isEqualTo("find-ui-account");
            assertThat(fact(details, "total-redemptions")).isEqualTo("1");
            assertThat(fact(details, "remaining")).isEqualTo("1");
            // The row itself is brought up to date by the same answer.
            assertThat(browser.find(By.id("find-total-" + code)).getText()).isEqualTo("1");
            assertThat(browser.find(By.id("find-remaining-" + code)).getText()).isEqualTo("1");
            assertThat(details.findElement(By.cssSelector("tr[data-order='" + order + "']")).getText())
                    .contains("find-ui-account").contains("15.00 USD");
            browser.screenshot("find-coupon-expanded");

            // The details lead to the code's usage page.
            details.findElement(By.cssSelector("[data-usage-link]")).click();
            assertThat(browser.find(By.id("usage-code-title")).getText()).isEqualTo(code);
        }
    }

    @Test
    void aSearchWithNoMatchSaysWhatToTryAndARefusedOneSaysWhy() {
        try (Browser browser = Browser.open("find-coupon-empty")) {
            browser.signIn("admin");
            find(browser, prefix + "-ZZZZZZZZ");
            assertThat(browser.find(By.id("find-empty")).getText()).contains("shorter prefix");
            assertThat(rowCount(browser)).isZero();

            browser.click(By.id("find-close"));
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("find-results")));
            find(browser, "NOT A CODE!");
            // The API's own words for its 400 on the search parameter.
            assertThat(browser.find(By.id("find-refused")).getText())
                    .isEqualTo("Search must be 1 to 64 characters: letters, digits, '_' and '-'");
            assertThat(browser.all(By.id("find-results-table"))).isEmpty();
        }
    }

    @Test
    void theSameAddressOpenedWithoutHtmxIsAPage() {
        try (Browser browser = Browser.open("find-coupon-page")) {
            browser.signIn("admin");
            browser.go("/find?search=" + prefix);
            assertThat(browser.find(By.id("find-results")).getTagName()).isEqualTo("main");
            assertThat(rowCount(browser)).isEqualTo(50);
            browser.click(By.id("find-load-more"));
            browser.until(driver -> rowCount(browser) == 100);
        }
    }

    private static void find(Browser browser, String search) {
        browser.type(By.id("find-coupon-search"), search);
        browser.click(By.id("find-coupon-button"));
        browser.find(By.id("find-results"));
    }

    private static WebElement row(Browser browser, String code) {
        return browser.find(By.cssSelector("tr.find-row[data-code='" + code + "']"));
    }

    private static WebElement expand(Browser browser, String code) {
        row(browser, code).click();
        return browser.find(detailsOf(code));
    }

    private static By detailsOf(String code) {
        return By.cssSelector("tbody.find-result[data-code='" + code + "'] .code-details");
    }

    /** A fact read anew each time (the details are replaced when the API answers), null while there is none. */
    private static String freshFact(Browser browser, String code, String name) {
        try {
            return fact(browser.driver().findElement(detailsOf(code)), name);
        } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
            return null;
        }
    }

    private static String fact(WebElement details, String name) {
        return details.findElement(By.cssSelector("[data-fact='" + name + "']")).getText();
    }

    private static long rowCount(Browser browser) {
        return ((Number) browser.script("return document.querySelectorAll('tr.find-row').length")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> rowCodes(Browser browser) {
        return (List<String>) browser.script(
                "return Array.from(document.querySelectorAll('tr.find-row')).map(row => row.dataset.code)");
    }
}
