package io.coupons.command.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a batch's chunk events straight from the event store table and unpacks their codes. */
final class ChunkEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChunkEvents() {
    }

    static List<List<String>> chunks(JdbcClient jdbc, String batchId) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE payload_type LIKE '%BatchCodesGeneratedEvent' "
                        + "AND convert_from(payload, 'UTF8')::jsonb -> 'batchId' ->> 'value' = ? ORDER BY global_index")
                .param(batchId).query(byte[].class).list().stream()
                .map(payload -> unpack(JSON.readTree(new String(payload, StandardCharsets.UTF_8))))
                .toList();
    }

    private static List<String> unpack(JsonNode event) {
        String prefix = event.get("prefix").asString();
        int length = event.get("randomLength").asInt();
        String parts = event.get("randomParts").asString();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < parts.length(); i += length) {
            codes.add(prefix + "-" + parts.substring(i, i + length));
        }
        return codes;
    }
}
