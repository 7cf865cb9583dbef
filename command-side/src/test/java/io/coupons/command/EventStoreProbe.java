package io.coupons.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the event store table directly, to assert what was (and was not) appended. */
public final class EventStoreProbe {

    private final JdbcClient jdbc;

    public EventStoreProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    /**
     * Events appended by commands: all but those the background generation worker appends on its
     * own schedule (chunks, completion, failure), so a test can assert a refusal appended nothing
     * while another test's batch is still being generated.
     */
    public long commandEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type NOT IN ("
                        + "'io.coupons.api.batch.BatchCodesGeneratedEvent', "
                        + "'io.coupons.api.batch.BatchGenerationCompletedEvent', "
                        + "'io.coupons.api.batch.BatchGenerationFailedEvent')")
                .query(Long.class).single();
    }

    /** Simple class names of the aggregate's events, in order. */
    public List<String> eventTypes(Object aggregateId) {
        return jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number")
                .param(aggregateId.toString()).query(String.class).list().stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    public String payload(Object aggregateId, long sequence) {
        return new String(jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND sequence_number = ?")
                .params(aggregateId.toString(), sequence).query(byte[].class).single(), StandardCharsets.UTF_8);
    }

    public String metadata(Object aggregateId, long sequence) {
        return new String(jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND sequence_number = ?")
                .params(aggregateId.toString(), sequence).query(byte[].class).single(), StandardCharsets.UTF_8);
    }

    /** Campaign-created events whose payload holds this code. */
    public long campaignsCreatedWithCode(String code) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%CampaignCreatedEvent' "
                        + "AND convert_from(payload, 'UTF8')::jsonb ->> 'code' = ?")
                .param(code).query(Long.class).single();
    }
}
