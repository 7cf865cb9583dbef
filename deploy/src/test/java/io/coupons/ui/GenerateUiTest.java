package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.ui.CouponsUiTest.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/** The Generate modal (seed 000 "Bulk generation"): the request, its live progress, its refusals. */
@ExtendWith(UiSystem.class)
class GenerateUiTest {

    @Test
    void generatesFiveThousandCodesAndWatchesTheProgressReachOneHundredPercent() {
        String code = UiSystem.unique("GEN");
        String campaign = Fixtures.campaign(code, "BULK_POOL", null);
        Fixtures.awaitProjected(campaign);
        try (Browser browser = Browser.open("generate")) {
            browser.signIn("admin");
            WebElement row = Fixtures.openMenu(browser, code);
            row.findElement(By.cssSelector(".menu-generate")).click();
            assertThat(browser.find(By.id("generate-length")).getDomProperty("value")).isEqualTo("6");
            browser.type(By.id("generate-quantity"), "5000");
            browser.click(By.id("generate-submit"));

            assertThat(browser.find(By.id("generate-batch")).getText()).isEqualTo("#1");
            List<String> seen = new ArrayList<>();
            browser.until(driver -> {
                try {
                    String percent = driver.findElement(By.id("generate-percent")).getText();
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(percent)) {
                        seen.add(percent);
                    }
                    return driver.findElement(By.id("generate-state")).getText().equals("COMPLETED");
                } catch (StaleElementReferenceException swappedMeanwhile) {
                    return false; // the poll replaced the fragment between two reads
                }
            }, Duration.ofSeconds(60));
            assertThat(browser.find(By.id("generate-percent")).getText()).isEqualTo("100 %");
            assertThat(browser.find(By.id("generate-counts")).getText()).isEqualTo("5,000 / 5,000 codes");
            assertThat(browser.find(By.id("generate-bar")).getDomProperty("value")).isEqualTo("100");
            assertThat(browser.find(By.id("generate-done")).getText()).isEqualTo("done");
            assertThat(browser.find(By.id("generate-history-count")).getText()).isEqualTo("Generation History: 1 batch");
            // Finished: the fragment no longer polls.
            assertThat(browser.find(By.id("generate-progress")).getDomAttribute("hx-trigger")).isNull();
            assertThat(seen).last().isEqualTo("100 %");
            browser.screenshot("generate-progress");

            var batch = Fixtures.queries().get("/api/campaigns/" + campaign + "/batches/1").json();
            assertThat(batch.get("generated").asLong()).isEqualTo(5_000);
            assertThat(batch.get("requestedBy").asString()).isEqualTo("admin");
        }
    }

    @Test
    void quantityZeroAndANonPoolAreRefusedNextToTheQuantity() {
        String pool = UiSystem.unique("GENZ");
        String poolId = Fixtures.campaign(pool, "BULK_POOL", null);
        String single = UiSystem.unique("GENS");
        String singleId = Fixtures.campaign(single, "SINGLE_CODE", null);
        Fixtures.awaitProjected(poolId);
        Fixtures.awaitProjected(singleId);
        try (Browser browser = Browser.open("generate-refused")) {
            browser.signIn("admin");
            WebElement row = Fixtures.openMenu(browser, pool);
            row.findElement(By.cssSelector(".menu-generate")).click();
            browser.type(By.id("generate-quantity"), "0");
            browser.click(By.id("generate-submit"));
            assertThat(browser.find(By.cssSelector(".field-error[data-field=quantity]")).getText()).isNotBlank();
            assertThat(browser.all(By.id("generate-progress"))).isEmpty();
            assertThat(Fixtures.queries().get("/api/campaigns/" + poolId + "/batches").json().get("batches").size())
                    .isZero();

            // Generate is not offered for a single code; asked anyway, the API's refusal is shown at the field.
            row = Fixtures.openMenu(browser, single);
            assertThat(row.findElements(By.cssSelector(".menu-generate"))).isEmpty();
            browser.script("htmx.ajax('GET', '/coupons/" + singleId + "/generate', '#modal')");
            browser.type(By.id("generate-quantity"), "10");
            browser.click(By.id("generate-submit"));
            assertThat(browser.find(By.cssSelector(".field-error[data-field=quantity]")).getText())
                    .contains("bulk-pool");
        }
    }
}
