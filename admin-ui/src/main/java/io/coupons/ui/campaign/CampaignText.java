package io.coupons.ui.campaign;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How the campaign screens write the API's values for people: type names as the seed names them,
 * instants in UTC (every date on these screens is UTC, as their labels say). Templates call it as
 * {@code ${@campaignText.utc(c.createdAt)}}.
 */
@Component("campaignText")
public class CampaignText {

    static final Map<String, String> TYPE_NAMES = Map.of(
            "SINGLE_CODE", "Single Code",
            "BULK_POOL", "Bulk Pool",
            "URL_TOKEN", "URL Token");

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'");
    private static final DateTimeFormatter DATETIME_LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** "Bulk Pool" for BULK_POOL; an unknown type as the API wrote it. */
    public String type(Object type) {
        return type == null ? "" : TYPE_NAMES.getOrDefault(String.valueOf(type), String.valueOf(type));
    }

    /** An instant from the API as "2026-06-01 10:00 UTC", or a dash when there is none. */
    public String utc(Object instant) {
        return instant == null ? "—" : SHOWN.format(LocalDateTime.ofInstant(Instant.parse(String.valueOf(instant)),
                ZoneOffset.UTC));
    }

    /** The value a {@code datetime-local} input shows for an instant (UTC, to the second), or "". */
    public String datetimeLocal(Object instant) {
        return instant == null ? "" : DATETIME_LOCAL.format(LocalDateTime.ofInstant(
                Instant.parse(String.valueOf(instant)).truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    /** Whole percent of a batch generated so far: 0 … 100. */
    public long percent(Object generated, Object quantity) {
        long total = quantity instanceof Number number ? number.longValue() : 0;
        long done = generated instanceof Number number ? number.longValue() : 0;
        return total <= 0 ? 0 : Math.min(100, done * 100 / total);
    }
}
