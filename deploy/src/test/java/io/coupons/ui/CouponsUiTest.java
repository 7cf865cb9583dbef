package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Coupons tab (seed 000): New Coupon Campaign with a rule created inside the modal, a field
 * error next to its field, and Export Table CSV of the filtered view.
 */
@ExtendWith(UiSystem.class)
class CouponsUiTest {

    @Test
    void createsACampaignWithANewRuleThroughTheModal() {
        String code = UiSystem.unique("NEW");
        String ruleName = "Modal rule " + code;
        try (Browser browser = Browser.open("coupons-create")) {
            browser.signIn("admin");
            browser.go("/coupons");
            browser.click(By.id("new-coupon"));
            browser.find(By.id("new-campaign-modal"));

            browser.type(By.id("campaign-code"), code.toLowerCase());
            // Upper-cased in the browser as it is typed, before anything is sent.
            assertThat(browser.find(By.id("campaign-code")).getDomProperty("value")).isEqualTo(code);
            new Select(browser.find(By.id("campaign-type"))).selectByVisibleText("Bulk Pool");
            browser.type(By.id("campaign-uses"), "3");

            browser.click(By.id("create-new-rule"));
            browser.type(By.id("rule-name"), ruleName);
            browser.type(By.id("terms-percentOff"), "15");
            browser.screenshot("new-coupon-modal");
            browser.click(By.id("create-rule"));

            // Back on the campaign form, as typed, with the new rule chosen and the rule form closed.
            browser.find(By.id("rule-created"));
            assertThat(new Select(browser.find(By.id("campaign-discount-rule"))).getFirstSelectedOption().getText())
                    .isEqualTo(ruleName);
            assertThat(browser.find(By.id("campaign-code")).getDomProperty("value")).isEqualTo(code);
            assertThat(new Select(browser.find(By.id("campaign-type"))).getFirstSelectedOption().getText())
                    .isEqualTo("Bulk Pool");
            assertThat(browser.driver().findElement(By.id("new-rule-form")).isDisplayed()).isFalse();

            browser.click(By.id("create-campaign"));
            WebElement row = browser.find(By.cssSelector("#campaigns tr[data-code='" + code + "']"));
            assertThat(browser.all(By.id("new-campaign-modal"))).isEmpty();
            assertThat(row.findElement(By.cssSelector(".type")).getText()).isEqualTo("Bulk Pool");
            assertThat(row.findElement(By.cssSelector(".rule")).getText()).isEqualTo(ruleName);
            assertThat(row.findElement(By.cssSelector(".uses")).getText()).isEqualTo("3");
            assertThat(browser.find(By.id("saved-message")).getText()).contains(code + " created");

            String campaignId = row.getDomAttribute("data-campaign-id");
            String metadata = new String(jdbc().sql("SELECT meta_data FROM domain_event_entry "
                            + "WHERE aggregate_identifier = ? AND payload_type LIKE '%CampaignCreatedEvent'")
                    .param(campaignId).query(byte[].class).single(), StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"user\":\"admin\"");
            JsonNode created = Fixtures.queries().get("/api/campaigns/" + campaignId).json();
            assertThat(created.get("discountRuleName").asString()).isEqualTo(ruleName);
            assertThat(created.get("type").asString()).isEqualTo("BULK_POOL");
            row.findElement(By.cssSelector("button.gear")).click();
            browser.until(ExpectedConditions.visibilityOf(row.findElement(By.cssSelector(".menu-generate"))));
            browser.screenshot("coupons-tab");
        }
    }

    @Test
    void showsTheApisFieldErrorNextToTheFieldAndCreatesNothing() {
        try (Browser browser = Browser.open("coupons-field-error")) {
            browser.signIn("admin");
            browser.go("/coupons");
            browser.click(By.id("new-coupon"));
            browser.type(By.id("campaign-code"), "ab");
            new Select(browser.find(By.id("campaign-type"))).selectByVisibleText("Single Code");
            browser.click(By.id("create-campaign"));

            WebElement error = browser.find(By.cssSelector(".field-error[data-field=code]"));
            assertThat(error.isDisplayed()).isTrue();
            // Next to its field: inside the Campaign Code label, with the typed text kept.
            assertThat(error.findElement(By.xpath("..")).findElement(By.id("campaign-code")).getDomProperty("value"))
                    .isEqualTo("AB");
            assertThat(browser.all(By.id("new-campaign-modal"))).hasSize(1);
            long created = jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                    + "'%CampaignCreatedEvent' AND convert_from(payload, 'UTF8')::jsonb ->> 'code' = 'AB'")
                    .query(Long.class).single();
            assertThat(created).isZero();
        }
    }

    @Test
    void aTakenCodeIsShownAtTheCodeFieldAndADoubleSubmitCreatesOneCampaign() {
        String taken = UiSystem.unique("TAKEN");
        Fixtures.campaign(taken, "SINGLE_CODE", null);
        String code = UiSystem.unique("TWICE");
        try (Browser browser = Browser.open("coupons-conflict")) {
            browser.signIn("admin");
            browser.go("/coupons");
            browser.click(By.id("new-coupon"));
            browser.type(By.id("campaign-code"), taken);
            new Select(browser.find(By.id("campaign-type"))).selectByVisibleText("Single Code");
            browser.click(By.id("create-campaign"));
            assertThat(browser.find(By.cssSelector(".field-error[data-field=code]")).getText())
                    .contains("already uses the code " + taken);

            // The same form sent twice at once (a double click the disabled button did not stop, a retry):
            // both carry the form's hidden key, so the second is answered with the first's campaign, not a
            // "code taken" refusal.
            browser.type(By.id("campaign-code"), code);
            @SuppressWarnings("unchecked")
            List<Object> statuses = (List<Object>) browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.getElementById('new-campaign-form');
                    const meta = name => document.querySelector('meta[name="' + name + '"]').content;
                    const send = () => fetch('/coupons', {method: 'POST', body: new URLSearchParams(new FormData(form)),
                        headers: {[meta('csrf-header')]: meta('csrf-token'), 'HX-Request': 'true'}})
                        .then(r => r.status);
                    Promise.all([send(), send()]).then(done);""");
            assertThat(statuses).containsExactly(200L, 200L);
            long created = jdbc().sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                            + "'%CampaignCreatedEvent' AND convert_from(payload, 'UTF8')::jsonb ->> 'code' = ?")
                    .param(code).query(Long.class).single();
            assertThat(created).isEqualTo(1);
        }
    }

    @Test
    void exportTableCsvDownloadsTheFilteredView() throws Exception {
        String tag = UiSystem.unique("EXP");
        String single = Fixtures.campaign(tag + "_S", "SINGLE_CODE", null);
        String pool = Fixtures.campaign(tag + "_P", "BULK_POOL", null);
        Fixtures.campaign(tag + "_U", "URL_TOKEN", null);
        Fixtures.awaitProjected(single);
        Fixtures.awaitProjected(pool);
        try (Browser browser = Browser.open("coupons-export")) {
            Fixtures.clearDownloads(browser);
            browser.signIn("admin");
            browser.go("/coupons");
            browser.type(By.id("filter-q"), tag);
            browser.until(driver -> browser.all(By.cssSelector("#campaigns tbody tr")).size() == 3);
            new Select(browser.find(By.id("filter-type"))).selectByValue("BULK_POOL");
            browser.until(driver -> browser.all(By.cssSelector("#campaigns tbody tr")).size() == 1);
            assertThat(browser.find(By.cssSelector("#campaigns tbody tr")).getDomAttribute("data-code"))
                    .isEqualTo(tag + "_P");

            browser.click(By.id("export-table-csv"));
            Path csv = browser.awaitDownload(".csv");
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).startsWith("id,code,type,status");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).contains(tag + "_P").contains("BULK_POOL").contains(pool);
        }
    }

    @Test
    void anAuditorSeesTheTabAndTheCampaignReadOnly() {
        String code = UiSystem.unique("AUD");
        String campaign = Fixtures.campaign(code, "BULK_POOL", null);
        Fixtures.awaitProjected(campaign);
        Fixtures.generated(campaign, 100);
        try (Browser browser = Browser.open("coupons-auditor")) {
            browser.signIn("auditor");
            WebElement row = Fixtures.openMenu(browser, code);
            assertThat(browser.find(By.id("export-table-csv")).isDisplayed()).isTrue();
            assertThat(row.findElements(By.cssSelector(".menu-edit, .menu-generate"))).isEmpty();
            row.findElement(By.cssSelector(".menu-details")).click();
            assertThat(browser.find(By.cssSelector("#history-table tr[data-batch='1'] .codes")).getText())
                    .isEqualTo("100");
            assertThat(browser.find(By.id("edit-discount-rule")).isEnabled()).isFalse();
            assertThat(browser.all(By.id("edit-ok"))).isEmpty();
            assertThat(browser.all(By.cssSelector("[data-write]"))).isEmpty();
        }
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(UiSystem.get().commandSide().getBean(DataSource.class));
    }

    /** Data set up through the API directly (fast), as the admin. */
    static final class Fixtures {

        private Fixtures() {
        }

        static TestHttp commands() {
            return TestHttp.at(UiSystem.get().commandSidePort()).as("admin", UiSystem.password("admin"));
        }

        static TestHttp queries() {
            return TestHttp.at(UiSystem.get().querySidePort()).as("admin", UiSystem.password("admin"));
        }

        static String rule(String name) {
            TestHttp.Response created = commands().post("/api/discount-rules", "{\"name\": \"" + name
                    + "\", \"terms\": {\"percentOff\": 10}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> queries().get("/api/discount-rules/" + id).status() == 200);
            return id;
        }

        static String campaign(String code, String type, String ruleId) {
            TestHttp.Response created = commands().post("/api/campaigns", "{\"code\": \"" + code + "\", \"type\": \""
                    + type + "\"" + (ruleId == null ? "" : ", \"discountRuleId\": \"" + ruleId + "\"") + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return created.json().get("id").asString();
        }

        static JsonNode awaitProjected(String campaignId) {
            return await().atMost(Duration.ofSeconds(20)).until(() -> queries().get("/api/campaigns/" + campaignId),
                    response -> response.status() == 200).json();
        }

        /** Generates a batch and waits until the query side shows it COMPLETED. */
        static void generated(String campaignId, int quantity) {
            TestHttp.Response accepted = commands().post("/api/campaigns/" + campaignId + "/batches",
                    "{\"quantity\": " + quantity + "}");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            int batch = accepted.json().get("batchNumber").asInt();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> queries().get("/api/campaigns/" + campaignId + "/batches/" + batch),
                            r -> r.status() == 200 && "COMPLETED".equals(r.json().get("state").asString()));
        }

        /** The Coupons tab filtered to one campaign, its gear menu opened. */
        static WebElement openMenu(Browser browser, String code) {
            browser.go("/coupons?q=" + code);
            WebElement row = browser.find(By.cssSelector("#campaigns tr[data-code='" + code + "']"));
            row.findElement(By.cssSelector("button.gear")).click();
            browser.until(ExpectedConditions.visibilityOf(row.findElement(By.cssSelector(".menu-items"))));
            return row;
        }

        /** Files a previous run left in the browser's download folder would pass for this run's. */
        static void clearDownloads(Browser browser) throws java.io.IOException {
            try (var files = Files.list(browser.downloads())) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
