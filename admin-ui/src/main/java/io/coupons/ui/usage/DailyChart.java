package io.coupons.ui.usage;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The per-day usage chart, drawn on the server as SVG (no chart library in the browser, nothing
 * for the CSP to allow). One bar per UTC day from the first day with usage to the last, days
 * without any drawn as zero so the gaps show; a narrower bar beside it for the day's reversals
 * when any day has some. Each bar carries a {@code <title>} with the exact figures (screen readers
 * and the mouse-over tooltip), the y axis is labelled with its maximum, the x axis with days.
 */
public final class DailyChart {

    /** More days than this and bars would be thinner than a few pixels: the chart keeps the newest. */
    public static final int MAX_DAYS = 92;

    static final int WIDTH = 760;
    static final int HEIGHT = 220;
    static final int LEFT = 44;
    static final int RIGHT = 12;
    static final int TOP = 16;
    static final int BOTTOM = 30;
    static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    /** The widest a day's column gets. */
    static final int MAX_SLOT = 48;
    /** About this many day labels fit under the axis without overlapping. */
    static final int MAX_LABELS = 14;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private DailyChart() {
    }

    /** The days the chart draws: every day from the first to the last of {@code days}, at most {@link #MAX_DAYS}. */
    public static List<UsageDay> continuous(List<UsageDay> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        TreeMap<LocalDate, UsageDay> byDay = new TreeMap<>();
        days.forEach(day -> byDay.put(day.day(), day));
        LocalDate last = byDay.lastKey();
        LocalDate first = byDay.firstKey();
        if (first.isBefore(last.minusDays(MAX_DAYS - 1))) {
            first = last.minusDays(MAX_DAYS - 1);
        }
        List<UsageDay> all = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            all.add(byDay.getOrDefault(day, UsageDay.none(day)));
        }
        return all;
    }

    /** True when {@link #continuous} drops older days: the page says the chart shows the newest only. */
    public static boolean truncated(List<UsageDay> days) {
        if (days.isEmpty()) {
            return false;
        }
        LocalDate first = days.stream().map(UsageDay::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().map(UsageDay::day).max(LocalDate::compareTo).orElseThrow();
        return first.isBefore(last.minusDays(MAX_DAYS - 1));
    }

    /** The chart as an SVG element, or an SVG saying there is nothing yet when {@code days} is empty. */
    public static String svg(List<UsageDay> days) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" id=\"usage-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
                .append(" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\"")
                .append(" aria-labelledby=\"usage-chart-title\">");
        svg.append("<title id=\"usage-chart-title\">Redemptions per UTC day</title>");
        List<UsageDay> drawn = continuous(days);
        if (drawn.isEmpty()) {
            svg.append("<text class=\"empty-chart\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\">No redemptions yet</text></svg>");
            return svg.toString();
        }
        long max = Math.max(1, drawn.stream().mapToLong(day -> Math.max(day.redemptions(), day.reversals())).max()
                .orElse(0));
        boolean anyReversals = drawn.stream().anyMatch(day -> day.reversals() > 0);
        axes(svg, max);

        // A few days get bars of a readable width from the left, not one bar across the whole chart.
        double slot = Math.min((double) PLOT_WIDTH / drawn.size(), MAX_SLOT);
        double gap = Math.min(slot * 0.2, 12);
        double redemptionWidth = anyReversals ? (slot - gap) * 0.62 : slot - gap;
        double reversalWidth = anyReversals ? (slot - gap) - redemptionWidth : 0;
        int labelEvery = (int) Math.ceil((double) drawn.size() / MAX_LABELS);
        double baseline = TOP + PLOT_HEIGHT;
        for (int index = 0; index < drawn.size(); index++) {
            UsageDay day = drawn.get(index);
            double x = LEFT + index * slot + gap / 2;
            svg.append("<g class=\"day\" data-day=\"").append(day.day()).append("\">");
            bar(svg, "bar redemptions", x, redemptionWidth, height(day.redemptions(), max), baseline, day,
                    day.day() + ": " + plural(day.redemptions(), "redemption") + ", "
                            + plural(day.reversals(), "reversal"));
            if (anyReversals) {
                bar(svg, "bar reversals", x + redemptionWidth, reversalWidth, height(day.reversals(), max), baseline,
                        day, day.day() + ": " + plural(day.reversals(), "reversal"));
            }
            if (index % labelEvery == 0) {
                svg.append("<text class=\"x-label\" x=\"").append(number(LEFT + index * slot + slot / 2))
                        .append("\" y=\"").append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\">")
                        .append(escape(LABEL.format(day.day()))).append("</text>");
            }
            svg.append("</g>");
        }
        if (anyReversals) {
            legend(svg);
        }
        return svg.append("</svg>").toString();
    }

    /** A bar's height in the plot: proportional to {@code value}, the largest value filling the plot. */
    static double height(long value, long max) {
        return (double) PLOT_HEIGHT * value / max;
    }

    private static void axes(StringBuilder svg, long max) {
        double baseline = TOP + PLOT_HEIGHT;
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(number(baseline))
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(number(baseline))
                .append("\" stroke=\"#98a2b3\"/>");
        svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(TOP)
                .append("\" stroke=\"#eaecf0\"/>");
        svg.append("<text class=\"y-max\" x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4)
                .append("\" text-anchor=\"end\">").append(max).append("</text>");
        svg.append("<text class=\"y-zero\" x=\"").append(LEFT - 6).append("\" y=\"").append(number(baseline + 4))
                .append("\" text-anchor=\"end\">0</text>");
    }

    private static void bar(StringBuilder svg, String classes, double x, double width, double height,
                            double baseline, UsageDay day, String title) {
        svg.append("<rect class=\"").append(classes).append("\" x=\"").append(number(x))
                .append("\" y=\"").append(number(baseline - height)).append("\" width=\"").append(number(width))
                .append("\" height=\"").append(number(height)).append("\" data-redemptions=\"")
                .append(day.redemptions()).append("\" data-reversals=\"").append(day.reversals()).append("\">")
                .append("<title>").append(escape(title)).append("</title></rect>");
    }

    private static void legend(StringBuilder svg) {
        int y = TOP - 6;
        int x = WIDTH - RIGHT - 170;
        svg.append("<g class=\"legend\"><rect class=\"bar redemptions\" x=\"").append(x).append("\" y=\"")
                .append(y - 8).append("\" width=\"10\" height=\"10\"/><text x=\"").append(x + 14).append("\" y=\"")
                .append(y + 1).append("\">redemptions</text><rect class=\"bar reversals\" x=\"").append(x + 90)
                .append("\" y=\"").append(y - 8).append("\" width=\"10\" height=\"10\"/><text x=\"").append(x + 104)
                .append("\" y=\"").append(y + 1).append("\">reversals</text></g>");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
