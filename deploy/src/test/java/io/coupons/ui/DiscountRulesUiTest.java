package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/** The Discount Rules tab against the real system: create, refuse, revise, retire, and the marketing picker. */
@ExtendWith(UiSystem.class)
class DiscountRulesUiTest {

    private static By row(String name) {
        return By.cssSelector("#rules tr[data-rule-name='" + name + "']");
    }

    @Test
    void aRuleCreatedThroughTheFormIsListedWithItsTerms() {
        String name = UiSystem.unique("Summer ");
        try (Browser browser = Browser.open("rule-create")) {
            browser.signIn("admin").go("/discount-rules");
            browser.click(By.id("new-rule"));
            browser.type(By.id("rule-name"), name);
            browser.type(By.id("terms-percentOff"), "20");
            browser.type(By.id("terms-discountLimit"), "50");
            browser.type(By.id("terms-currency"), "usd");
            browser.type(By.id("terms-displayMessage"), "20% off, up to $50");
            browser.click(By.id("terms-firstOrderOnly"));
            browser.screenshot("discount-rule-form");
            browser.click(By.id("rule-save"));

            assertThat(browser.find(By.id("rule-saved")).getText()).contains(name).contains("created");
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("rule-form-modal")));
            WebElement listed = browser.find(row(name));
            assertThat(listed.findElement(By.cssSelector(".rule-discount")).getText())
                    .isEqualTo("20% off up to 50 USD");
            assertThat(listed.findElement(By.cssSelector(".rule-conditions")).getText()).isEqualTo("first order");
            assertThat(listed.findElement(By.cssSelector(".rule-status")).getText()).isEqualTo("Active");
            browser.screenshot("discount-rules");

            // All its terms, in the rule's modal.
            listed.findElement(By.cssSelector(".rule-name")).click();
            browser.find(By.id("rule-modal"));
            assertThat(browser.find(By.cssSelector("#rule-modal [data-term=percentOff]")).getText()).isEqualTo("20%");
            assertThat(browser.find(By.cssSelector("#rule-modal [data-term=currency]")).getText()).isEqualTo("USD");
            assertThat(browser.find(By.cssSelector("#rule-modal [data-term=firstOrderOnly]")).getText())
                    .isEqualTo("Yes");
            assertThat(browser.find(By.cssSelector("#rule-modal [data-term=oneUsePerAccount]")).getText())
                    .isEqualTo("No");
        }
        JsonNode rules = RulesApi.rules(name.replace(" ", "%20"));
        assertThat(rules.get("total").asLong()).isEqualTo(1);
        JsonNode rule = rules.get("items").get(0);
        assertThat(rule.get("terms").get("percentOff").decimalValue()).isEqualByComparingTo("20");
        assertThat(rule.get("terms").get("discountLimit").decimalValue()).isEqualByComparingTo("50");
        assertThat(rule.get("terms").get("currency").asString()).isEqualTo("USD");
        assertThat(rule.get("terms").get("firstOrderOnly").asBoolean()).isTrue();
        assertThat(rule.get("createdBy").asString()).as("made as the admin signed in").isEqualTo("admin");
    }

    @Test
    void aRefusedFieldIsShownNextToItAndNothingIsCreated() {
        String name = UiSystem.unique("Too much ");
        try (Browser browser = Browser.open("rule-refused")) {
            browser.signIn("admin").go("/discount-rules");
            browser.click(By.id("new-rule"));
            browser.type(By.id("rule-name"), name);
            // The browser's own min/max would stop 150 before the API sees it: let it through.
            browser.script("document.getElementById('terms-percentOff').removeAttribute('max')");
            browser.type(By.id("terms-percentOff"), "150");
            browser.type(By.id("terms-currency"), "USD");
            browser.click(By.id("rule-save"));

            WebElement error = browser.find(By.cssSelector(".field-error[data-field='terms.percentOff']"));
            assertThat(error.getText()).isNotBlank();
            // Next to its field: in the same label as the input.
            assertThat(error.findElement(By.xpath("..")).findElements(By.id("terms-percentOff"))).hasSize(1);
            assertThat(browser.all(By.cssSelector(".field-error[data-field='name']"))).isEmpty();
            // What was typed is still there to correct.
            assertThat(browser.find(By.id("rule-name")).getAttribute("value")).isEqualTo(name);
            assertThat(browser.find(By.id("terms-percentOff")).getAttribute("value")).isEqualTo("150");

            browser.type(By.id("terms-percentOff"), "15");
            browser.click(By.id("rule-save"));
            browser.find(row(name));
        }
        assertThat(RulesApi.rules(name.replace(" ", "%20")).get("total").asLong())
                .as("one rule: the refused attempt created nothing, the corrected one its rule").isEqualTo(1);
    }

    @Test
    void revisingReplacesTheNameAndTerms() {
        String name = UiSystem.unique("Revise ");
        String id = RulesApi.rule(name, 15);
        try (Browser browser = Browser.open("rule-revise")) {
            browser.signIn("admin").go("/discount-rules?q=" + name.replace(" ", "%20"));
            browser.find(row(name)).findElement(By.cssSelector(".rule-edit")).click();
            browser.find(By.cssSelector("#rule-form.revising"));
            assertThat(browser.find(By.id("rule-name")).getAttribute("value")).isEqualTo(name);
            assertThat(browser.find(By.id("terms-percentOff")).getAttribute("value")).isEqualTo("15");
            assertThat(browser.find(By.id("terms-displayMessage")).getAttribute("value")).isEqualTo("15% off");
            browser.type(By.id("rule-name"), name + " v2");
            browser.type(By.id("terms-percentOff"), "25");
            browser.click(By.id("rule-save"));

            assertThat(browser.find(By.id("rule-saved")).getText()).contains("revised");
            // The table is redrawn once the query side shows the revision.
            By byId = By.cssSelector("#rules tr[data-rule-id='" + id + "']");
            browser.until(ExpectedConditions.attributeToBe(byId, "data-rule-name", name + " v2"));
            WebElement revised = browser.find(byId);
            assertThat(revised.findElement(By.cssSelector(".rule-discount")).getText()).isEqualTo("25% off");
            // The rule's own page, for a link.
            browser.go("/discount-rules/" + id);
            assertThat(browser.find(By.id("rule-title")).getText()).startsWith(name + " v2");
            assertThat(browser.find(By.cssSelector("#rule-details [data-term=percentOff]")).getText()).isEqualTo("25%");
        }
        JsonNode rule = RulesApi.querySide("admin").get("/api/discount-rules/" + id).json();
        assertThat(rule.get("name").asString()).isEqualTo(name + " v2");
        assertThat(rule.get("terms").get("percentOff").decimalValue()).isEqualByComparingTo("25");
        assertThat(rule.get("terms").get("displayMessage").asString()).as("kept: the form sent it back")
                .isEqualTo("15% off");
        assertThat(rule.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aRetiredRuleLeavesTheDefaultListAndShowsWithIncludeRetired() {
        String name = UiSystem.unique("Retire ");
        String id = RulesApi.rule(name, 10);
        try (Browser browser = Browser.open("rule-retire")) {
            browser.signIn("admin").go("/discount-rules?q=" + name.replace(" ", "%20"));
            browser.find(row(name)).findElement(By.cssSelector(".rule-retire")).click();
            browser.find(By.id("retire-modal"));
            browser.click(By.id("retire-cancel"));
            browser.until(ExpectedConditions.invisibilityOfElementLocated(By.id("retire-modal")));
            assertThat(RulesApi.querySide("admin").get("/api/discount-rules/" + id).json().get("retired")
                    .asBoolean()).as("Cancel retires nothing").isFalse();

            browser.find(row(name)).findElement(By.cssSelector(".rule-retire")).click();
            browser.click(By.id("retire-confirm"));
            assertThat(browser.find(By.id("rules-empty")).getText()).contains("Include retired");
            browser.click(By.id("rule-filter-retired"));
            WebElement retired = browser.find(row(name));
            assertThat(retired.findElement(By.cssSelector(".rule-status")).getText()).isEqualTo("Retired");
            assertThat(retired.findElements(By.cssSelector("[data-write]"))).as("no Edit or Retire on a retired rule")
                    .isEmpty();
        }
        assertThat(RulesApi.querySide("admin").get("/api/discount-rules/" + id).json().get("retired").asBoolean())
                .isTrue();
    }

    @Test
    void aDefinedMarketingCampaignIsPickedInARule() {
        String campaign = UiSystem.unique("Spring launch ");
        String rule = UiSystem.unique("Spring rule ");
        try (Browser browser = Browser.open("rule-marketing")) {
            browser.signIn("admin").go("/discount-rules");
            browser.click(By.id("link-marketing-campaigns"));
            browser.click(By.id("new-marketing-campaign"));
            browser.type(By.id("marketing-name"), campaign);
            browser.type(By.id("marketing-description"), "Shoes in spring");
            browser.click(By.id("marketing-save"));
            assertThat(browser.find(By.id("marketing-saved")).getText()).contains(campaign);
            WebElement defined = browser.find(By.cssSelector("#marketing-campaigns tr[data-marketing-name='"
                    + campaign + "']"));
            assertThat(defined.findElement(By.cssSelector(".marketing-description")).getText())
                    .isEqualTo("Shoes in spring");
            browser.screenshot("marketing-campaigns");

            // Describe: a new description, the same name.
            defined.findElement(By.cssSelector(".marketing-describe")).click();
            assertThat(browser.find(By.id("marketing-name")).getAttribute("readonly")).isNotNull();
            browser.type(By.id("marketing-description"), "Shoes and hats in spring");
            browser.click(By.id("marketing-save"));
            browser.until(ExpectedConditions.textToBe(By.cssSelector("#marketing-campaigns tr[data-marketing-name='"
                    + campaign + "'] .marketing-description"), "Shoes and hats in spring"));

            browser.go("/discount-rules");
            browser.click(By.id("new-rule"));
            browser.type(By.id("rule-name"), rule);
            browser.type(By.id("terms-percentOff"), "10");
            browser.type(By.id("terms-currency"), "USD");
            // A name no one defined is refused next to the picker.
            browser.type(By.id("terms-marketingCampaign"), campaign + " typo");
            browser.click(By.id("rule-save"));
            assertThat(browser.find(By.cssSelector(".field-error[data-field='terms.marketingCampaign']")).getText())
                    .contains("not a defined marketing campaign");

            // The picker suggests the defined one from a part of its name in another case.
            browser.type(By.id("terms-marketingCampaign"), campaign.substring(0, 8).toUpperCase());
            By suggestion = By.cssSelector("#marketing-campaign-options option[value='" + campaign + "']");
            browser.until(driver -> !driver.findElements(suggestion).isEmpty());
            String picked = browser.driver().findElement(suggestion).getAttribute("value");
            browser.type(By.id("terms-marketingCampaign"), picked);
            browser.click(By.id("rule-save"));
            browser.find(By.id("rule-saved"));
            WebElement listed = browser.find(row(rule));
            assertThat(listed.findElements(By.tagName("td")).get(4).getText()).isEqualTo(campaign);
        }
        JsonNode saved = RulesApi.rules(rule.replace(" ", "%20")).get("items").get(0);
        assertThat(saved.get("terms").get("marketingCampaign").asString()).isEqualTo(campaign);
        JsonNode defined = RulesApi.querySide("admin").get("/api/marketing-campaigns?q="
                + campaign.replace(" ", "%20")).json().get("items");
        assertThat(defined.size()).isEqualTo(1);
        assertThat(defined.get(0).get("description").asString()).isEqualTo("Shoes and hats in spring");
        assertThat(defined.get(0).get("definedBy").asString()).isEqualTo("admin");
    }

    @Test
    void pagesTurnAndTheSearchNarrowsTheList() {
        String prefix = UiSystem.unique("Paged ");
        for (int i = 0; i < 27; i++) {
            RulesApi.commandSide("admin").post("/api/discount-rules", """
                    {"name": "%s %02d", "terms": {"percentOff": 5, "currency": "USD"}}""".formatted(prefix, i));
        }
        String last = RulesApi.rule(prefix + " 27", 5);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                RulesApi.rules(prefix.replace(" ", "%20")).get("total").asLong() == 28);
        try (Browser browser = Browser.open("rule-pages")) {
            browser.signIn("admin").go("/discount-rules");
            browser.type(By.id("rule-filter-q"), prefix);
            browser.until(ExpectedConditions.textToBe(By.id("rules-range"), "1–25 of 28"));
            assertThat(browser.all(By.cssSelector("#rules tbody tr"))).hasSize(25);
            assertThat(browser.all(By.cssSelector("#rules tbody tr")).get(0).getAttribute("data-rule-id"))
                    .as("newest first").isEqualTo(last);
            browser.click(By.id("rules-next"));
            browser.until(ExpectedConditions.textToBe(By.id("rules-range"), "26–28 of 28"));
            List<WebElement> second = browser.all(By.cssSelector("#rules tbody tr"));
            assertThat(second).hasSize(3);
            assertThat(second.get(2).getAttribute("data-rule-name")).isEqualTo(prefix + " 00");
        }
    }
}
