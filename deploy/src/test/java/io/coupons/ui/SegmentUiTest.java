package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * User Segments in a browser: a CSV upload with progress (streamed through the UI to the command
 * side), the case-sensitive list, a segment's members page by page, a refused file, and a promo
 * batch by Target User Segment with one code per member.
 */
@ExtendWith(UiSystem.class)
class SegmentUiTest {

    private static final int MEMBERS = 1_000;

    @Test
    void uploadedSegmentIsListedPagedAndGetsOneCodePerMember() throws IOException {
        String segment = UiSystem.unique("VIP segment ");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < MEMBERS; i++) {
            csv.append("ui-shopper-").append(String.format("%04d", i)).append('\n');
        }
        csv.append("ui-shopper-0007\n"); // a repeat: kept once, counted
        Path file = Files.writeString(Files.createTempFile("segment", ".csv"), csv);
        try (Browser browser = Browser.open("segments")) {
            PromoUiApi.signIn(browser, "admin");
            browser.go("/segments");
            browser.type(By.id("segment-name"), segment);
            browser.find(By.id("segment-file")).sendKeys(file.toAbsolutePath().toString());
            browser.click(By.id("segment-upload"));
            WebElement ok = browser.find(By.id("upload-ok"));
            assertThat(ok.getAttribute("data-members")).isEqualTo("1000");
            assertThat(ok.getAttribute("data-entries")).isEqualTo("1001");
            assertThat(ok.getAttribute("data-duplicates")).isEqualTo("1");
            assertThat(browser.find(By.id("upload-members")).getText()).isEqualTo("1,000");
            Object progress = browser.script("var bar = document.getElementById('segment-upload-progress');"
                    + "return [bar.value, bar.max, bar.getAttribute('data-percent')];");
            List<?> bar = (List<?>) progress;
            assertThat(((Number) bar.get(0)).doubleValue()).isEqualTo(((Number) bar.get(1)).doubleValue());
            // The browser reported upload progress in bytes: the whole file went.
            assertThat(((Number) bar.get(1)).longValue()).isEqualTo(Files.size(file));
            assertThat(bar.get(2)).isEqualTo("100");

            // The list redrew itself with the new segment; the search is case-sensitive.
            By listed = By.cssSelector("#segments tr[data-name='" + segment + "']");
            browser.go("/segments?q=" + PromoUiApi.encoded(segment));
            WebElement row = browser.find(listed);
            assertThat(row.findElement(By.cssSelector(".members")).getText()).isEqualTo("1,000");
            assertThat(browser.find(By.id("segment-search-hint")).getText()).contains("case-sensitive");
            browser.screenshot("segments");
            browser.type(By.id("segment-q"), segment.toLowerCase());
            browser.find(By.id("segments-empty"));
            browser.type(By.id("segment-q"), segment);
            browser.click(By.cssSelector("#segments tr[data-name='" + segment + "'] a.segment-name"));

            // Its page: 100 members, then Load more keyset pages.
            assertThat(browser.find(By.id("segment-members")).getText()).isEqualTo("1,000");
            assertThat(members(browser)).hasSize(100).startsWith("ui-shopper-0000");
            browser.click(By.id("members-more"));
            browser.until(driver -> members(browser).size() == 200);
            assertThat(members(browser).get(199)).isEqualTo("ui-shopper-0199");
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("segment-members");

            // A batch by Target User Segment: the picker offers the segment, one code per member.
            browser.click(By.id("segment-generate-batch"));
            assertThat(browser.find(By.id("method-target-user-segment")).isSelected()).isTrue();
            assertThat(browser.find(By.id("targetUserSegment")).getAttribute("value")).isEqualTo(segment);
            assertThat(browser.all(By.id("numberOfCodes")).get(0).isDisplayed()).isFalse();
            browser.type(By.id("targetUserSegment"), segment.substring(0, 8));
            browser.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#segment-options option[value='" + segment + "']")));
            browser.type(By.id("targetUserSegment"), segment);
            String batchName = UiSystem.unique("Segment batch ");
            browser.type(By.id("name"), batchName);
            browser.type(By.id("terms-flatAmountOff"), "5");
            browser.type(By.id("terms-currency"), "USD");
            browser.click(By.id("generate-submit"));
            browser.until(ExpectedConditions.urlMatches(".*/promo-batches/[0-9a-f-]{36}$"));
            String id = browser.driver().getCurrentUrl().replaceAll(".*/promo-batches/", "");
            browser.until(driver -> "COMPLETED".equals(PromoUiApi.attribute(browser, "#batch-progress", "data-state")),
                    Duration.ofSeconds(60));
            assertThat(browser.find(By.id("batch-generated")).getText()).isEqualTo("1,000");
            assertThat(browser.find(By.id("batch-segment")).getText()).isEqualTo(segment);

            List<JsonNode> codes = PromoUiApi.codes(id);
            assertThat(codes).hasSize(MEMBERS);
            Set<String> accounts = new HashSet<>();
            codes.forEach(code -> accounts.add(code.get("accountId").asString()));
            assertThat(accounts).hasSize(MEMBERS).contains("ui-shopper-0000", "ui-shopper-0999");

            // The list filters by Target User Segment, case-sensitively.
            browser.go("/promo-batches?segment=" + PromoUiApi.encoded(segment));
            assertThat(browser.all(By.cssSelector("#promo-batches tbody tr"))).hasSize(1);
            WebElement batchRow = browser.find(By.cssSelector("tr[data-batch-id='" + id + "']"));
            assertThat(batchRow.findElement(By.cssSelector(".segment")).getText()).isEqualTo(segment);
            assertThat(batchRow.findElement(By.cssSelector(".code-count")).getText()).isEqualTo("1,000");
            browser.type(By.id("filter-segment"), segment.toUpperCase());
            browser.find(By.id("promo-batches-empty"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aBadLineIsShownAndNothingIsApplied() throws IOException {
        String segment = UiSystem.unique("Broken segment ");
        Path file = Files.writeString(Files.createTempFile("segment", ".csv"), "acc-1\nacc-2\n   \nacc-4\n");
        try (Browser browser = Browser.open("segments-refused")) {
            PromoUiApi.signIn(browser, "admin");
            browser.go("/segments");
            browser.type(By.id("segment-name"), segment);
            browser.find(By.id("segment-file")).sendKeys(file.toAbsolutePath().toString());
            browser.click(By.id("segment-upload"));
            WebElement refused = browser.find(By.id("upload-refused"));
            assertThat(refused.getAttribute("data-code")).isEqualTo("INVALID_FIELDS");
            assertThat(browser.find(By.cssSelector(".upload-error[data-field='line 3']")).getText())
                    .startsWith("line 3: ");
            assertThat(PromoUiApi.queries().get("/api/segments?q=" + segment.replace(" ", "%20")).json()
                    .get("total").asLong()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> members(Browser browser) {
        return browser.all(By.cssSelector("#segment-member-table tr.member td")).stream().map(WebElement::getText)
                .toList();
    }
}
