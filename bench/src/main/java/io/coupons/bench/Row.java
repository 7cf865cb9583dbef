package io.coupons.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the report.
 *
 * @param ours     our figure (seconds for times)
 * @param baseline the plain-PostgreSQL figure in the same run, or null when there is none
 * @param maxRatio the target: ours / baseline at most this (null: no ratio target)
 */
record Row(String name, double ours, Double baseline, String unit, Double maxRatio, Map<String, Long> peakMemoryMb,
           String note) {

    Double ratio() {
        return baseline == null || baseline == 0 ? null : ours / baseline;
    }

    Boolean met() {
        return maxRatio == null || ratio() == null ? null : ratio() <= maxRatio;
    }

    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("row", name);
        json.put("ours", ours);
        json.put("baseline", baseline);
        json.put("ratio", ratio());
        json.put("unit", unit);
        json.put("target", maxRatio == null ? null : "ratio <= " + maxRatio);
        json.put("met", met());
        json.put("peakMemoryMb", peakMemoryMb);
        json.put("note", note);
        return json;
    }
}
