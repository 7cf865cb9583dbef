package io.coupons.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line of the report.
 *
 * @param ours     our figure (seconds for times, per second for throughputs, ms for latencies)
 * @param baseline the plain-PostgreSQL figure in the same run, or null when there is none
 * @param target   what the figure must meet, e.g. {@code ratio <= 3.0} (null: no target)
 * @param met      whether it did (null: no target)
 * @param details  more figures of the row (latency percentiles, outcome counts), or null
 */
record Row(String name, double ours, Double baseline, String unit, String target, Boolean met,
           Map<String, Long> peakMemoryMb, String note, Map<String, Object> details) {

    /** ours / baseline at most {@code maxRatio} (lower is better, e.g. times); null: no target. */
    static Row maxRatio(String name, double ours, Double baseline, String unit, Double maxRatio,
                        Map<String, Long> peakMemoryMb, String note) {
        Double ratio = ratio(ours, baseline);
        return new Row(name, ours, baseline, unit, maxRatio == null ? null : "ratio <= " + maxRatio,
                maxRatio == null || ratio == null ? null : ratio <= maxRatio, peakMemoryMb, note, null);
    }

    /** ours / baseline at least {@code minRatio} (higher is better, e.g. throughputs); null: no target. */
    static Row minRatio(String name, double ours, Double baseline, String unit, Double minRatio,
                        Map<String, Long> peakMemoryMb, String note, Map<String, Object> details) {
        Double ratio = ratio(ours, baseline);
        return new Row(name, ours, baseline, unit, minRatio == null ? null : "ratio >= " + minRatio,
                minRatio == null || ratio == null ? null : ratio >= minRatio, peakMemoryMb, note, details);
    }

    /** ours at most {@code max} in its own unit; null: no target. */
    static Row atMost(String name, double ours, Double baseline, String unit, Double max,
                      Map<String, Long> peakMemoryMb, String note, Map<String, Object> details) {
        return new Row(name, ours, baseline, unit, max == null ? null : "<= " + max + " " + unit,
                max == null ? null : ours <= max, peakMemoryMb, note, details);
    }

    Double ratio() {
        return ratio(ours, baseline);
    }

    private static Double ratio(double ours, Double baseline) {
        return baseline == null || baseline == 0 ? null : ours / baseline;
    }

    /** A figure of this row as the table shows it. */
    String show(Double value, String p50Key) {
        if (value == null) {
            return "-";
        }
        Object p50 = details == null ? null : details.get(p50Key);
        return switch (unit) {
            case "s" -> String.format(Locale.ROOT, "%.2f s", value);
            case "/s" -> String.format(Locale.ROOT, "%,.0f /s", value);
            case "ms" -> p50 instanceof Number n
                    ? String.format(Locale.ROOT, "%.1f / %.1f ms", n.doubleValue(), value)
                    : String.format(Locale.ROOT, "%.1f ms", value);
            default -> String.format(Locale.ROOT, "%.0f %s", value, unit).strip();
        };
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("row", name);
        json.put("ours", ours);
        json.put("baseline", baseline);
        json.put("ratio", ratio());
        json.put("unit", unit);
        json.put("target", target);
        json.put("met", met);
        json.put("peakMemoryMb", peakMemoryMb);
        json.put("note", note);
        if (details != null) {
            json.put("details", details);
        }
        return json;
    }
}
