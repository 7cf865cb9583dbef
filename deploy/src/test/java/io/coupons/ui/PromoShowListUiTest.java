package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * Show List in a browser: 50 codes a page with Load more, Edit one code (switched off alone, its
 * own rules) and Clone one into a new run whose progress the modal follows.
 */
@ExtendWith(UiSystem.class)
class PromoShowListUiTest {

    @Test
    void showListPagesEditsOneCodeAndClonesAnother() {
        String name = UiSystem.unique("Show list batch ");
        String id = PromoUiApi.batch(name, 55);
        try (Browser browser = Browser.open("promo-show-list")) {
            PromoUiApi.signIn(browser, "admin");
            browser.go("/promo-batches/" + id + "/codes");
            assertThat(codes(browser)).hasSize(50);
            browser.click(By.id("load-more"));
            browser.until(driver -> codes(browser).size() == 55);
            assertThat(browser.all(By.id("load-more"))).isEmpty();
            List<String> expected = PromoUiApi.codes(id).stream().map(code -> code.get("code").asString()).toList();
            assertThat(codes(browser)).isEqualTo(expected);

            // Edit: the terms come pre-filled with the rules in force; switch the code off, give it 15 %.
            String edited = expected.get(0);
            browser.click(By.cssSelector("tr[data-code='" + edited + "'] [data-action='edit']"));
            browser.find(By.id("edit-code"));
            assertThat(browser.find(By.id("terms-percentOff")).getAttribute("value")).isEqualTo("10");
            assertThat(browser.find(By.id("terms-currency")).getAttribute("value")).isEqualTo("USD");
            assertThat(browser.find(By.id("edit-enabled")).isSelected()).isTrue();
            // A refusal stays in the modal, next to its field.
            browser.type(By.id("terms-percentOff"), "150");
            browser.click(By.id("edit-save"));
            assertThat(browser.find(By.cssSelector("#edit-code-form .field-error[data-field='terms.percentOff']"))
                    .isDisplayed()).isTrue();
            browser.type(By.id("terms-percentOff"), "15");
            browser.click(By.id("edit-enabled"));
            browser.click(By.id("edit-save"));
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("edit-code")));
            // The row is swapped for the code as the query side shows it after the Edit.
            browser.until(driver -> "true".equals(PromoUiApi.attribute(browser, "tr[data-code='" + edited + "']",
                    "data-code-enabled")) ? null : Boolean.TRUE);
            WebElement row = browser.find(By.cssSelector("tr[data-code='" + edited + "']"));
            assertThat(row.findElement(By.cssSelector(".enabled")).getText()).isEqualTo("Disabled (code)");
            assertThat(row.findElement(By.cssSelector(".overridden")).getText()).isEqualTo("yes");
            assertThat(row.findElement(By.cssSelector(".rules")).getText()).isEqualTo("15% off");
            JsonNode editedView = PromoUiApi.queries().get("/api/codes/" + edited).json().get("promoCode");
            assertThat(editedView.get("codeEnabled").asBoolean()).isFalse();
            assertThat(editedView.get("terms").get("percentOff").decimalValue()).isEqualByComparingTo("15");
            assertThat(PromoUiApi.codes(id).stream().filter(code -> !code.get("codeEnabled").asBoolean()).count())
                    .isEqualTo(1);
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("promo-show-list");

            // Clone: 3 codes with exactly the source's rules, as run 2.
            String source = expected.get(1);
            browser.click(By.cssSelector("tr[data-code='" + source + "'] [data-action='clone']"));
            assertThat(browser.find(By.id("clone-form")).getText())
                    .contains("Enter the amount of codes you would like to generate with the exact same rules");
            browser.type(By.id("clone-quantity"), "3");
            assertThat(browser.find(By.id("clone-generate")).getText()).isEqualTo("Generate Promo Codes");
            browser.click(By.id("clone-generate"));
            browser.until(driver -> "COMPLETED".equals(PromoUiApi.attribute(browser, "#clone-progress", "data-state")),
                    Duration.ofSeconds(30));
            assertThat(browser.find(By.id("clone-progress")).getAttribute("data-run")).isEqualTo("2");
            assertThat(browser.find(By.id("clone-count")).getText()).isEqualTo("3 of 3 codes");
            browser.click(By.id("clone-done"));

            JsonNode runs = PromoUiApi.queries().get("/api/promo-batches/" + id).json().get("runs");
            JsonNode clone = runs.get(0);
            assertThat(clone.get("runNumber").asInt()).isEqualTo(2);
            assertThat(clone.get("kind").asString()).isEqualTo("CLONE");
            assertThat(clone.get("sourceCode").asString()).isEqualTo(source);
            assertThat(clone.get("generated").asLong()).isEqualTo(3);
            List<JsonNode> all = PromoUiApi.codes(id);
            assertThat(all).hasSize(58);
            assertThat(all.stream().filter(code -> code.get("runNumber").asInt() == 2).toList()).hasSize(3)
                    .allSatisfy(code -> assertThat(code.get("terms").get("percentOff").decimalValue())
                            .isEqualByComparingTo("10"));

            // The batch's page shows both runs, finished.
            browser.go("/promo-batches/" + id);
            assertThat(browser.find(By.id("run-2")).getAttribute("data-generated")).isEqualTo("3");
            assertThat(browser.find(By.id("run-1")).getAttribute("data-generated")).isEqualTo("55");
            assertThat(browser.find(By.id("batch-generated")).getText()).isEqualTo("58");
        }
    }

    private static List<String> codes(Browser browser) {
        browser.find(By.id("promo-codes"));
        return browser.all(By.cssSelector("#promo-codes tr.promo-code")).stream()
                .map(row -> row.getAttribute("data-code")).toList();
    }
}
