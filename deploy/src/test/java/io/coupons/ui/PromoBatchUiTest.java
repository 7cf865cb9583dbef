package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * Seed 003's Promo Code Batches page in a browser against the real system: Generate Batch through
 * the form until its run is COMPLETED, a refused form with its messages next to their fields,
 * Modify Inventory seen in Show List, Enable/Disable and Delete with its confirmation step.
 */
@ExtendWith(UiSystem.class)
class PromoBatchUiTest {

    private static final String BATCH_PAGE = ".*/promo-batches/[0-9a-f-]{36}$";

    @Test
    void generateBatchThroughTheFormUntilItsRunIsCompleted() {
        String name = UiSystem.unique("Form batch ");
        try (Browser browser = Browser.open("promo-generate")) {
            PromoUiApi.signIn(browser, "admin");
            browser.go("/promo-batches");
            browser.click(By.id("generate-batch"));
            browser.find(By.id("generate-form"));
            assertThat(browser.find(By.id("method-number-of-codes")).isSelected()).isTrue();
            browser.type(By.id("numberOfCodes"), "20");
            browser.type(By.id("codeLength"), "8");
            browser.type(By.id("name"), name);
            assertThat(browser.find(By.id("enabled")).isSelected()).isTrue();
            browser.type(By.id("terms-displayMessage"), "10% off, thank you");
            browser.type(By.id("terms-percentOff"), "10");
            browser.type(By.id("terms-currency"), "USD");
            browser.click(By.id("inventoryEnabled"));
            browser.type(By.id("inventory"), "5");
            // The inventory section sits where the seed puts it: after the conditions, before reporting.
            assertThat(legendsInOrder(browser)).containsSubsequence("Conditions", "Inventory", "Reporting");
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("promo-generate-form");
            browser.click(By.id("generate-submit"));

            browser.until(ExpectedConditions.urlMatches(BATCH_PAGE));
            String id = browser.driver().getCurrentUrl().replaceAll(".*/promo-batches/", "");
            // The page keeps polling until the run is finished, then stops.
            browser.until(driver -> "COMPLETED".equals(PromoUiApi.attribute(browser, "#batch-progress", "data-state")),
                    Duration.ofSeconds(60));
            assertThat(browser.find(By.id("batch-progress")).getAttribute("hx-trigger")).isNull();
            assertThat(browser.find(By.id("batch-generated")).getText()).isEqualTo("20");
            WebElement run = browser.find(By.id("run-1"));
            assertThat(run.getAttribute("data-state")).isEqualTo("COMPLETED");
            assertThat(run.getAttribute("data-generated")).isEqualTo("20");
            assertThat(browser.find(By.id("batch-inventory")).getText()).isEqualTo("5 remaining usages");
            assertThat(browser.find(By.id("rules-summary")).getText()).isEqualTo("10% off");
            assertThat(browser.find(By.cssSelector("#batch-rules dd[data-term='displayMessage']")).getText())
                    .isEqualTo("10% off, thank you");
            browser.screenshot("promo-batch-details");

            JsonNode batch = PromoUiApi.queries().get("/api/promo-batches/" + id).json().get("batch");
            assertThat(batch.get("name").asString()).isEqualTo(name);
            assertThat(batch.get("generated").asLong()).isEqualTo(20);
            assertThat(batch.get("codeLength").asInt()).isEqualTo(8);
            assertThat(batch.get("enabled").asBoolean()).isTrue();
            assertThat(batch.get("allowance").asLong()).isEqualTo(5);
            assertThat(batch.get("terms").get("percentOff").decimalValue()).isEqualByComparingTo("10");
            assertThat(batch.get("terms").get("currency").asString()).isEqualTo("USD");
            assertThat(batch.get("terms").get("displayMessage").asString()).isEqualTo("10% off, thank you");
            List<JsonNode> codes = PromoUiApi.codes(id);
            assertThat(codes).hasSize(20).allSatisfy(code -> {
                assertThat(code.get("code").asString()).hasSize(8);
                assertThat(code.get("remainingUses").asLong()).isEqualTo(5);
            });
            // Who did it: the person signed in to the UI, on every event of the batch's stream.
            assertThat(PromoUiApi.eventMetadata(id)).isNotEmpty().allSatisfy(metadata ->
                    assertThat(metadata).contains("\"user\":\"admin\""));

            browser.go("/promo-batches?name=" + PromoUiApi.encoded(name));
            assertThat(browser.all(By.cssSelector("#promo-batches tbody tr"))).hasSize(1);
            WebElement row = browser.find(By.cssSelector("tr[data-batch-id='" + id + "']"));
            assertThat(row.findElement(By.cssSelector(".code-count")).getText()).isEqualTo("20");
            assertThat(row.findElement(By.cssSelector(".generation")).getAttribute("data-state")).isEqualTo("COMPLETED");
            assertThat(row.getText()).contains(name).contains("admin").contains("Enabled");
            // Case-sensitive, as the hint says.
            assertThat(browser.find(By.id("filter-hint")).getText()).contains("case-sensitive");
            browser.type(By.id("filter-name"), name.toLowerCase());
            browser.find(By.id("promo-batches-empty"));
            browser.type(By.id("filter-name"), name);
            browser.find(By.cssSelector("tr[data-batch-id='" + id + "']"));
            browser.screenshot("promo-batches-list");

            // Export to CSV goes through the UI (the browser holds no API credentials): a header and 20 codes.
            browser.click(By.cssSelector("tr[data-batch-id='" + id + "'] [data-action='export']"));
            Path export = browser.awaitDownload(id + ".csv");
            List<String> lines = browser.until(driver -> {
                try {
                    List<String> read = Files.readAllLines(export);
                    return read.size() == 21 ? read : null;
                } catch (IOException e) {
                    return null;
                }
            });
            assertThat(lines.subList(1, 21)).allSatisfy(line -> assertThat(
                    codes.stream().map(code -> code.get("code").asString())).contains(line.split(",")[0]));
        }
    }

    @Test
    void anAuditorSeesTheScreensWithoutAnyWriteControl() {
        String name = UiSystem.unique("Audited batch ");
        String id = PromoUiApi.batch(name, 2);
        String code = PromoUiApi.codes(id).get(0).get("code").asString();
        try (Browser browser = Browser.open("promo-auditor")) {
            PromoUiApi.signIn(browser, "auditor");
            for (String page : List.of("/promo-batches?name=" + PromoUiApi.encoded(name), "/promo-batches/" + id,
                    "/promo-batches/" + id + "/codes", "/segments", "/promo-batches/new")) {
                browser.go(page);
                browser.find(By.tagName("main"));
                assertThat(browser.all(By.cssSelector("[data-write]"))).as(page).isEmpty();
            }
            browser.go("/promo-batches/" + id + "/codes");
            assertThat(browser.find(By.cssSelector("tr[data-code='" + code + "']")).getText()).contains(code);
            assertThat(browser.all(By.cssSelector("[data-action='edit'], [data-action='clone']"))).isEmpty();
        }
        // The same pages as an admin do have them: the check above can fail.
        try (Browser browser = Browser.open("promo-admin-controls")) {
            PromoUiApi.signIn(browser, "admin");
            browser.go("/promo-batches/" + id + "/codes");
            browser.find(By.cssSelector("tr[data-code='" + code + "']"));
            assertThat(browser.all(By.cssSelector("[data-write]"))).isNotEmpty();
        }
    }

    @Test
    void aRefusedFormShowsEachMessageNextToItsFieldAndCreatesNothing() {
        String name = UiSystem.unique("Refused batch ");
        long batchesBefore = PromoUiApi.queries().get("/api/promo-batches").json().get("total").asLong();
        try (Browser browser = Browser.open("promo-refused")) {
            PromoUiApi.signIn(browser, "admin");
            browser.go("/promo-batches/new");
            browser.type(By.id("numberOfCodes"), "0");
            browser.type(By.id("terms-percentOff"), "10");
            browser.type(By.id("terms-currency"), "USD");
            browser.click(By.id("generate-submit"));
            WebElement nameError = browser.find(By.cssSelector("#generate-form .field-error[data-field='name']"));
            WebElement countError = browser.find(By.cssSelector("#generate-form .field-error[data-field='numberOfCodes']"));
            assertThat(countError.getText()).contains("between 1 and");
            // Next to its field: inside the field's own label.
            assertThat(nameError.findElement(By.xpath("..")).findElement(By.id("name"))).isNotNull();
            assertThat(countError.findElement(By.xpath("..")).findElement(By.id("numberOfCodes"))).isNotNull();
            assertThat(browser.driver().getCurrentUrl()).endsWith("/promo-batches/new");
            // What was typed is still there, and nothing was created.
            assertThat(browser.find(By.id("terms-percentOff")).getAttribute("value")).isEqualTo("10");
            assertThat(PromoUiApi.queries().get("/api/promo-batches").json().get("total").asLong())
                    .isEqualTo(batchesBefore);

            // The same form, corrected, goes through under its key.
            browser.type(By.id("name"), name);
            browser.type(By.id("numberOfCodes"), "2");
            browser.click(By.id("generate-submit"));
            browser.until(ExpectedConditions.urlMatches(BATCH_PAGE));
            assertThat(browser.find(By.id("batch-title")).getText()).isEqualTo(name);
        }
    }

    @Test
    void modifyInventorySetThenIncrementIsSeenInShowList() {
        String name = UiSystem.unique("Inventory batch ");
        String id = PromoUiApi.batch(name, 4);
        try (Browser browser = Browser.open("promo-inventory")) {
            PromoUiApi.signIn(browser, "admin");
            browser.go("/promo-batches?name=" + PromoUiApi.encoded(name));
            browser.click(By.cssSelector("tr[data-batch-id='" + id + "'] [data-action='modify-inventory']"));
            browser.find(By.id("modify-inventory"));
            assertThat(browser.find(By.id("inventory-now")).getText()).contains("5 remaining usages");
            // A refusal by the API, next to its field.
            browser.click(By.id("inventory-action-increment"));
            browser.type(By.id("inventory-amount"), "0");
            browser.click(By.id("inventory-modify"));
            assertThat(browser.find(By.cssSelector("#inventory-form .field-error[data-field='amount']")).getText())
                    .contains("between 1 and");
            browser.click(By.id("inventory-action-set"));
            browser.type(By.id("inventory-amount"), "3");
            browser.click(By.id("inventory-modify"));
            assertThat(browser.find(By.id("inventory-remaining")).getText()).isEqualTo("3");
            browser.screenshot("promo-modify-inventory");
            browser.click(By.id("inventory-close"));

            browser.click(By.cssSelector("tr[data-batch-id='" + id + "'] [data-action='show-list']"));
            assertThat(remainingUsages(browser)).hasSize(4).containsOnly("3");
            browser.click(By.id("show-list-modify-inventory"));
            browser.click(By.id("inventory-action-increment"));
            browser.type(By.id("inventory-amount"), "2");
            browser.click(By.id("inventory-modify"));
            assertThat(browser.find(By.id("inventory-remaining")).getText()).isEqualTo("5");
            browser.click(By.id("inventory-close"));
            // Show List redrew itself on the change.
            browser.until(driver -> remainingUsages(browser).equals(List.of("5", "5", "5", "5")));
            assertThat(PromoUiApi.codes(id)).allSatisfy(code -> assertThat(code.get("remainingUses").asLong())
                    .isEqualTo(5));
        }
    }

    @Test
    void disableThenDeleteAfterConfirmingNameAndCodeCount() {
        String name = UiSystem.unique("Doomed batch ");
        String id = PromoUiApi.batch(name, 3);
        By row = By.cssSelector("tr[data-batch-id='" + id + "']");
        try (Browser browser = Browser.open("promo-delete")) {
            PromoUiApi.signIn(browser, "admin");
            browser.go("/promo-batches?name=" + PromoUiApi.encoded(name));
            browser.click(By.cssSelector("tr[data-batch-id='" + id + "'] [data-action='toggle-enabled']"));
            // The row is swapped for the one the query side shows after the change.
            browser.until(driver -> "Disabled".equals(browser.script("var badge = document.querySelector("
                    + "\"tr[data-batch-id='" + id + "'] .enabled\"); return badge && badge.textContent.trim();")));
            assertThat(PromoUiApi.queries().get("/api/promo-batches/" + id).json().get("batch").get("enabled")
                    .asBoolean()).isFalse();

            browser.click(By.cssSelector("tr[data-batch-id='" + id + "'] [data-action='delete']"));
            String question = browser.find(By.id("confirm-delete-text")).getText();
            assertThat(question).contains(name).contains("3 promo codes");
            // Cancel changes nothing.
            browser.click(By.id("confirm-delete-cancel"));
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-delete")));
            assertThat(PromoUiApi.queries().get("/api/promo-batches/" + id).status()).isEqualTo(200);

            browser.click(By.cssSelector("tr[data-batch-id='" + id + "'] [data-action='delete']"));
            browser.click(By.id("confirm-delete-button"));
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-delete")));
            browser.find(By.id("promo-batches-empty"));
            assertThat(browser.all(row)).isEmpty();
            assertThat(PromoUiApi.queries().get("/api/promo-batches/" + id).status()).isEqualTo(404);
            assertThat(PromoUiApi.eventMetadata(id).get(PromoUiApi.eventMetadata(id).size() - 1))
                    .contains("\"user\":\"admin\"");
        }
    }

    static List<String> remainingUsages(Browser browser) {
        browser.find(By.id("promo-codes"));
        return browser.all(By.cssSelector("#promo-codes tr.promo-code .remaining")).stream()
                .map(WebElement::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> legendsInOrder(Browser browser) {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('#generate-form legend'))"
                + ".map(function (legend) { return legend.textContent.trim(); })");
    }
}
