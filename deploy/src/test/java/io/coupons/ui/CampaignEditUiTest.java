package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.ui.CouponsUiTest.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Edit Campaign modal (seed 000): Cancel discards, OK saves; Archive after a confirmation; the
 * Generation History's download and its Exported column.
 */
@ExtendWith(UiSystem.class)
class CampaignEditUiTest {

    @Test
    void cancelDiscardsTheChangeAndOkSavesTheNewLinkedRule() {
        String code = UiSystem.unique("EDIT");
        String first = Fixtures.rule("First " + code);
        String second = Fixtures.rule("Second " + code);
        String campaign = Fixtures.campaign(code, "SINGLE_CODE", first);
        Fixtures.awaitProjected(campaign);
        try (Browser browser = Browser.open("campaign-edit")) {
            browser.signIn("admin");
            WebElement row = Fixtures.openMenu(browser, code);
            row.findElement(By.cssSelector(".menu-edit")).click();
            Select rule = new Select(browser.find(By.id("edit-discount-rule")));
            assertThat(rule.getFirstSelectedOption().getDomAttribute("value")).isEqualTo(first);
            rule.selectByValue(second);
            browser.click(By.id("edit-cancel"));
            browser.until(ExpectedConditions.numberOfElementsToBe(By.id("edit-campaign-modal"), 0));

            // Cancel sent nothing: the campaign has only its creation event, and the query side the first rule.
            assertThat(eventsOf(campaign)).isEqualTo(1);
            assertThat(Fixtures.queries().get("/api/campaigns/" + campaign).json().get("discountRuleId").asString())
                    .isEqualTo(first);

            row = Fixtures.openMenu(browser, code);
            row.findElement(By.cssSelector(".menu-edit")).click();
            rule = new Select(browser.find(By.id("edit-discount-rule")));
            assertThat(rule.getFirstSelectedOption().getDomAttribute("value")).isEqualTo(first);
            rule.selectByValue(second);
            // datetime-local's typing is locale-bound in Chromium; its value is not.
            browser.script("arguments[0].value = '2031-03-04T05:06:07'", browser.find(By.id("edit-expires")));
            browser.click(By.id("edit-ok"));
            browser.until(ExpectedConditions.numberOfElementsToBe(By.id("edit-campaign-modal"), 0));

            // The link and the schedule changed, the code did not: two more events, and the UI waited for
            // the query side before redrawing.
            assertThat(eventsOf(campaign)).isEqualTo(3);
            var saved = Fixtures.queries().get("/api/campaigns/" + campaign).json();
            assertThat(saved.get("discountRuleId").asString()).isEqualTo(second);
            assertThat(saved.get("expiresAt").asString()).isEqualTo("2031-03-04T05:06:07Z");
            assertThat(saved.get("code").asString()).isEqualTo(code);
            browser.until(ExpectedConditions.textToBe(By.cssSelector("#campaigns tr[data-code='" + code + "'] .rule"),
                    "Second " + code));
        }
    }

    @Test
    void archiveAfterConfirmationAndGenerateIsNoLongerOffered() {
        String code = UiSystem.unique("ARCH");
        String campaign = Fixtures.campaign(code, "BULK_POOL", null);
        Fixtures.awaitProjected(campaign);
        try (Browser browser = Browser.open("campaign-archive")) {
            browser.signIn("admin");
            WebElement row = Fixtures.openMenu(browser, code);
            assertThat(row.findElements(By.cssSelector(".menu-generate"))).hasSize(1);
            row.findElement(By.cssSelector(".menu-edit")).click();
            browser.click(By.id("archive-campaign"));
            assertThat(browser.find(By.id("archive-confirmation")).getText()).contains("Archive " + code + "?");
            assertThat(eventsOf(campaign)).isEqualTo(1); // the first click only asks
            browser.click(By.id("archive-confirm"));
            browser.until(ExpectedConditions.numberOfElementsToBe(By.id("edit-campaign-modal"), 0));

            browser.until(ExpectedConditions.textToBe(
                    By.cssSelector("#campaigns tr[data-code='" + code + "'] .status"), "ARCHIVED"));
            assertThat(Fixtures.queries().get("/api/campaigns/" + campaign).json().get("status").asString())
                    .isEqualTo("ARCHIVED");
            row = Fixtures.openMenu(browser, code);
            assertThat(row.findElements(By.cssSelector(".menu-generate"))).isEmpty();
            assertThat(row.findElements(By.cssSelector(".menu-edit"))).hasSize(1);
        }
    }

    @Test
    void downloadsABatchFromTheGenerationHistoryAndItShowsExported() throws Exception {
        String code = UiSystem.unique("HIST");
        int quantity = 1_200;
        String campaign = Fixtures.campaign(code, "BULK_POOL", null);
        Fixtures.awaitProjected(campaign);
        Fixtures.generated(campaign, quantity);
        try (Browser browser = Browser.open("campaign-history")) {
            Fixtures.clearDownloads(browser);
            browser.signIn("admin");
            WebElement row = Fixtures.openMenu(browser, code);
            row.findElement(By.cssSelector(".menu-edit")).click();
            WebElement batch = browser.find(By.cssSelector("#history-table tr[data-batch='1']"));
            assertThat(batch.findElement(By.cssSelector(".exported")).getText()).isEqualTo("no");
            assertThat(batch.findElement(By.cssSelector(".codes")).getText()).isEqualTo("1,200");
            assertThat(browser.find(By.id("stat-generated")).getText()).isEqualTo("1,200");
            browser.screenshot("edit-campaign-modal");

            browser.click(By.cssSelector("#history-table tr[data-batch='1'] a.download"));
            Path csv = browser.awaitDownload("batch-1.csv");
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("code");
            List<String> codes = lines.subList(1, lines.size());
            assertThat(codes).hasSize(quantity).allMatch(c -> c.matches(code + "-[2-9A-HJKMNP-Z]{6}"));
            assertThat(new HashSet<>(codes)).hasSize(quantity);

            // The history is polled while the modal is open: Exported flips without reopening it.
            browser.until(ExpectedConditions.textToBe(By.cssSelector("#history-table tr[data-batch='1'] .exported"),
                    "yes"));
            await().atMost(Duration.ofSeconds(10)).until(() -> Fixtures.queries()
                    .get("/api/campaigns/" + campaign + "/batches/1").json().get("exported").asBoolean());
        }
    }

    private static long eventsOf(String campaign) {
        return JdbcClient.create(UiSystem.get().commandSide().getBean(DataSource.class))
                .sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(campaign).query(Long.class).single();
    }
}
