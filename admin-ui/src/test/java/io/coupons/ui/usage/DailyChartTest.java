package io.coupons.ui.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The server-side usage chart, read back as XML: what a browser would draw and a screen reader read. */
class DailyChartTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @Test
    void barHeightsAreProportionalToTheDaysRedemptions() {
        Document svg = parse(DailyChart.svg(List.of(day(DAY, 4, 0), day(DAY.plusDays(1), 2, 0),
                day(DAY.plusDays(2), 1, 0))));

        List<Element> bars = rects(svg, "bar redemptions");
        assertThat(bars).hasSize(3);
        double tallest = height(bars.get(0));
        assertThat(tallest).isEqualTo(DailyChart.PLOT_HEIGHT, org.assertj.core.data.Offset.offset(0.1));
        assertThat(height(bars.get(1)) / tallest).isEqualTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(height(bars.get(2)) / tallest).isEqualTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        // Every bar stands on the same baseline.
        for (Element bar : bars) {
            assertThat(y(bar) + height(bar)).isEqualTo(DailyChart.TOP + DailyChart.PLOT_HEIGHT,
                    org.assertj.core.data.Offset.offset(0.1));
        }
        assertThat(texts(svg, "y-max")).containsExactly("4");
        assertThat(rects(svg, "bar reversals")).isEmpty();
    }

    @Test
    void eachBarHasATitleWithTheExactFiguresAndEachDayALabel() {
        Document svg = parse(DailyChart.svg(List.of(day(DAY, 3, 1), day(DAY.plusDays(1), 1, 0))));

        List<Element> redemptions = rects(svg, "bar redemptions");
        assertThat(redemptions).extracting(DailyChartTest::title)
                .containsExactly("2026-12-01: 3 redemptions, 1 reversal", "2026-12-02: 1 redemption, 0 reversals");
        List<Element> reversals = rects(svg, "bar reversals");
        assertThat(reversals).hasSize(2);
        assertThat(title(reversals.get(0))).isEqualTo("2026-12-01: 1 reversal");
        assertThat(height(reversals.get(0)) / height(redemptions.get(0)))
                .isEqualTo(1.0 / 3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(height(reversals.get(1))).isZero();
        assertThat(texts(svg, "x-label")).containsExactly("Dec 1", "Dec 2");
        assertThat(texts(svg, "y-max")).containsExactly("3");
    }

    @Test
    void daysWithoutUsageBetweenTwoDaysAreDrawnAsZero() {
        Document svg = parse(DailyChart.svg(List.of(day(DAY, 2, 0), day(DAY.plusDays(3), 2, 0))));

        List<Element> bars = rects(svg, "bar redemptions");
        assertThat(bars).hasSize(4);
        assertThat(bars).extracting(DailyChartTest::height).containsExactly(
                (double) DailyChart.PLOT_HEIGHT, 0.0, 0.0, (double) DailyChart.PLOT_HEIGHT);
        assertThat(title(bars.get(1))).isEqualTo("2026-12-02: 0 redemptions, 0 reversals");
        assertThat(texts(svg, "x-label")).containsExactly("Dec 1", "Dec 2", "Dec 3", "Dec 4");
    }

    @Test
    void manyDaysKeepTheNewestAndLabelOnlySomeOfThem() {
        List<UsageDay> days = new ArrayList<>();
        for (int index = 0; index < 200; index++) {
            days.add(day(DAY.plusDays(index), index, 0));
        }
        Document svg = parse(DailyChart.svg(days));

        List<Element> bars = rects(svg, "bar redemptions");
        assertThat(bars).hasSize(DailyChart.MAX_DAYS);
        assertThat(title(bars.get(bars.size() - 1))).startsWith(DAY.plusDays(199) + ": 199 redemptions");
        assertThat(texts(svg, "x-label")).hasSizeBetween(2, DailyChart.MAX_LABELS);
        assertThat(DailyChart.truncated(days)).isTrue();
        assertThat(DailyChart.truncated(days.subList(120, 200))).isFalse();
    }

    @Test
    void noDaysIsAChartSayingSoWithoutBars() {
        Document svg = parse(DailyChart.svg(List.of()));

        assertThat(rects(svg, "bar redemptions")).isEmpty();
        assertThat(texts(svg, "empty-chart")).containsExactly("No redemptions yet");
        assertThat(DailyChart.truncated(List.of())).isFalse();
    }

    @Test
    void theApisRowsOfOneDayInSeveralCurrenciesAreOneBar() {
        List<UsageDay> days = UsageDays.fromDailyRows(List.of(
                Map.of("day", "2026-12-01", "currency", "USD", "redemptions", 2, "reversals", 1,
                        "codesFirstRedeemed", 2, "discountGiven", 15.0),
                Map.of("day", "2026-12-01", "currency", "EUR", "redemptions", 1, "reversals", 0,
                        "codesFirstRedeemed", 1, "discountGiven", 5.5),
                Map.of("day", "2026-12-03", "currency", "USD", "redemptions", 1, "reversals", 0,
                        "codesFirstRedeemed", 0, "discountGiven", 10)));

        assertThat(days).hasSize(2);
        assertThat(days.get(0).redemptions()).isEqualTo(3);
        assertThat(days.get(0).reversals()).isEqualTo(1);
        assertThat(days.get(0).codesFirstRedeemed()).isEqualTo(3);
        assertThat(days.get(0).discountGiven()).containsOnlyKeys("USD", "EUR");
        assertThat(rects(parse(DailyChart.svg(days)), "bar redemptions")).hasSize(3);
    }

    @Test
    void aCodesRedemptionsCountOnTheirDayAndTheirReversalsOnTheReversalsDay() {
        List<UsageDay> days = UsageDays.fromRedemptions(List.of(
                Map.of("redeemedAt", "2026-12-01T23:59:59Z", "reversed", true, "reversedAt", "2026-12-02T00:00:01Z"),
                Map.of("redeemedAt", "2026-12-01T10:00:00Z", "reversed", false)));

        assertThat(days).extracting(UsageDay::day).containsExactly(DAY, DAY.plusDays(1));
        assertThat(days).extracting(UsageDay::redemptions).containsExactly(2L, 0L);
        assertThat(days).extracting(UsageDay::reversals).containsExactly(0L, 1L);
    }

    private static UsageDay day(LocalDate day, long redemptions, long reversals) {
        return new UsageDay(day, redemptions, reversals, 0L, Map.of());
    }

    private static Document parse(String svg) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed SVG: " + svg, e);
        }
    }

    /** The rects whose class is exactly {@code classes}, legend swatches (without a title) left out. */
    private static List<Element> rects(Document svg, String classes) {
        List<Element> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("rect");
        for (int index = 0; index < all.getLength(); index++) {
            Element rect = (Element) all.item(index);
            if (rect.getAttribute("class").equals(classes) && rect.getElementsByTagName("title").getLength() == 1) {
                found.add(rect);
            }
        }
        return found;
    }

    private static List<String> texts(Document svg, String type) {
        List<String> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("text");
        for (int index = 0; index < all.getLength(); index++) {
            Element text = (Element) all.item(index);
            if (text.getAttribute("class").equals(type)) {
                found.add(text.getTextContent());
            }
        }
        return found;
    }

    private static String title(Element rect) {
        return rect.getElementsByTagName("title").item(0).getTextContent();
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }

    private static double y(Element rect) {
        return Double.parseDouble(rect.getAttribute("y"));
    }
}
