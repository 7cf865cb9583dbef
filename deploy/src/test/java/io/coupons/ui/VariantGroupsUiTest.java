package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/** The Variant Groups tab against the real system: create, list, details, replace, refusals. */
@ExtendWith(UiSystem.class)
class VariantGroupsUiTest {

    private static By row(String name) {
        return By.cssSelector("#variant-groups tr[data-group-name='" + name + "']");
    }

    @Test
    void aGroupOfThreeIsListedWithThreeAndReplacedWithTwo() {
        String name = UiSystem.unique("Shoes ");
        String id;
        try (Browser browser = Browser.open("variant-group-create")) {
            browser.signIn("admin").go("/variant-groups");
            browser.click(By.id("new-variant-group"));
            browser.type(By.id("group-name"), name);
            browser.type(By.id("group-variantIds"), "V-1\nV-2, V-3\n\n");
            browser.click(By.id("group-save"));

            assertThat(browser.find(By.id("group-saved")).getText()).contains(name).contains("3 variants");
            WebElement listed = browser.find(row(name));
            assertThat(listed.findElement(By.cssSelector(".group-count")).getText()).isEqualTo("3");
            id = listed.getAttribute("data-group-id");
            browser.screenshot("variant-groups");

            listed.findElement(By.cssSelector(".group-name")).click();
            browser.find(By.id("group-modal"));
            assertThat(browser.all(By.cssSelector("#group-variants li")).stream().map(WebElement::getText))
                    .containsExactly("V-1", "V-2", "V-3");
            browser.click(By.id("group-modal-replace"));
            browser.find(By.id("group-form"));
            assertThat(browser.find(By.id("group-name")).getAttribute("readonly")).isNotNull();
            assertThat(browser.find(By.id("group-variantIds")).getAttribute("value")).isEqualTo("V-1\nV-2\nV-3");
            browser.type(By.id("group-variantIds"), "V-2\nV-9");
            browser.click(By.id("group-save"));

            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("group-saved"), "replaced"));
            assertThat(browser.find(By.id("group-saved")).getText()).contains("2 variants");
            browser.until(ExpectedConditions.textToBe(By.cssSelector("#variant-groups tr[data-group-id='" + id
                    + "'] .group-count"), "2"));
            assertThat(browser.all(By.cssSelector("#variant-groups tr[data-group-name='" + name + "']"))).hasSize(1);
            // The group's own page, for a link.
            browser.go("/variant-groups/" + id);
            assertThat(browser.find(By.id("group-variant-count")).getText()).isEqualTo("2");
            assertThat(browser.all(By.cssSelector("#group-variants li")).stream().map(WebElement::getText))
                    .containsExactly("V-2", "V-9");
        }
        JsonNode group = RulesApi.querySide("admin").get("/api/variant-groups/" + id).json();
        assertThat(group.get("name").asString()).isEqualTo(name);
        assertThat(group.get("variantIds").valueStream().map(JsonNode::asString)).containsExactly("V-2", "V-9");
        assertThat(group.get("version").asLong()).isEqualTo(1);
        assertThat(group.get("definedBy").asString()).isEqualTo("admin");
    }

    @Test
    void aBadVariantIsNamedNextToTheVariantsAndTheSearchFindsGroups() {
        String name = UiSystem.unique("Hats ");
        try (Browser browser = Browser.open("variant-group-refused")) {
            browser.signIn("admin").go("/variant-groups");
            browser.click(By.id("new-variant-group"));
            browser.type(By.id("group-name"), name);
            String tooLong = "x".repeat(201);
            browser.type(By.id("group-variantIds"), "H-1\n" + tooLong);
            browser.click(By.id("group-save"));

            WebElement error = browser.find(By.cssSelector(".field-error[data-field='variantIds[1]']"));
            assertThat(error.getText()).startsWith("Variant 2").contains(tooLong).contains("200 characters");
            assertThat(error.findElement(By.xpath("..")).findElements(By.id("group-variantIds"))).hasSize(1);
            assertThat(browser.find(By.id("group-variantIds")).getAttribute("value")).isEqualTo("H-1\n" + tooLong);

            browser.type(By.id("group-variantIds"), "H-1");
            browser.click(By.id("group-save"));
            browser.find(By.id("group-saved"));
            browser.type(By.id("group-filter-q"), name.toLowerCase());
            browser.until(driver -> driver.findElements(By.cssSelector("#variant-groups tbody tr")).size() == 1);
            assertThat(browser.find(By.cssSelector("#variant-groups tbody tr")).getAttribute("data-group-name"))
                    .isEqualTo(name);
            browser.type(By.id("group-filter-q"), name + " nothing");
            assertThat(browser.find(By.id("groups-empty")).getText()).contains("No group's name contains");

            // The terms form suggests the group for Promo Variant Targeting Group.
            browser.go("/discount-rules");
            browser.click(By.id("new-rule"));
            // Typing part of the name asks the picker, whose options fill the input's datalist.
            browser.type(By.id("terms-variantTargetingGroup"), name.substring(0, name.length() - 2));
            browser.until(driver -> !browser.all(By.cssSelector("#variant-group-options option")).isEmpty());
            List<String> suggested = browser.all(By.cssSelector("#variant-group-options option")).stream()
                    .map(option -> option.getAttribute("value")).toList();
            assertThat(suggested).contains(name);
            // And the picker endpoint for search-as-you-type finds it from a part of its name in any case.
            Object options = browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/pickers/variant-groups?terms.variantTargetingGroup=' + encodeURIComponent(arguments[0]))
                        .then(response => response.text()).then(done);""", name.toLowerCase());
            assertThat(String.valueOf(options)).contains("value=\"" + name + "\"");
        }
        assertThat(RulesApi.querySide("admin").get("/api/variant-groups?q=" + name.replace(" ", "%20")).json()
                .get("items").get(0).get("variantCount").asInt()).isEqualTo(1);
    }
}
