package io.coupons.query.batch;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** The code_view table: one row per generated code. */
@Component
public class CodeRows {

    private static final DateTimeFormatter COPY_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSXXX")
            .withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public CodeRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Adds a chunk's codes with COPY, PostgreSQL's fast path: codes are unique by construction, so
     * it only fails if the chunk is already there (a replay); then, back at a savepoint, the slower
     * insert that skips existing codes does it. Runs in the projection's transaction.
     */
    void insert(List<String> codes, UUID campaignId, UUID batchId, int batchNumber, Instant generatedAt) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                copy(connection, codes, campaignId, batchId, batchNumber, generatedAt);
                connection.releaseSavepoint(beforeCopy);
            } catch (SQLException duplicate) {
                connection.rollback(beforeCopy);
                insertSkippingExisting(codes, campaignId, batchId, batchNumber, generatedAt);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store codes of batch " + batchId, e);
        }
    }

    private static void copy(Connection connection, List<String> codes, UUID campaignId, UUID batchId, int batchNumber,
                             Instant generatedAt) throws SQLException {
        String tail = "\t" + campaignId + "\t" + batchId + "\t" + batchNumber + "\t"
                + COPY_TIMESTAMP.format(generatedAt) + "\n";
        StringBuilder rows = new StringBuilder(codes.size() * (24 + tail.length()));
        for (String code : codes) {
            rows.append(escape(code)).append(tail);
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY code_view (code, campaign_id, batch_id, batch_number, generated_at) FROM STDIN");
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** COPY's text format treats backslash, tab and line breaks specially (codes never hold them; be safe). */
    private static String escape(String code) {
        return code.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private void insertSkippingExisting(List<String> codes, UUID campaignId, UUID batchId, int batchNumber,
                                        Instant generatedAt) {
        jdbc.sql("""
                        INSERT INTO code_view (code, campaign_id, batch_id, batch_number, generated_at)
                        SELECT code, ?, ?, ?, ? FROM unnest(?::varchar[]) AS code
                        ON CONFLICT (code) DO NOTHING""")
                .params(campaignId, batchId, batchNumber, Timestamp.from(generatedAt), codes.toArray(String[]::new))
                .update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE code_view").update();
    }

    /** A code as a download row: code, batch number, usage count. */
    public record ExportRow(String code, int batchNumber, long redemptions) {
    }

    /**
     * Streams a batch's codes from a cursor: every code of the batch lies in the primary-key range
     * of its prefix ({@code PREFIX-...}, and '.' follows '-' in "C" order). No ORDER BY: in
     * generation order PostgreSQL reads the heap sequentially (a bitmap scan) instead of jumping to
     * each row from the index, about twice as fast for a million codes. Run inside a transaction.
     */
    void forEachOfBatch(UUID batchId, String prefix, boolean withInfo, Consumer<ExportRow> consumer) {
        RowCallbackHandler handler = withInfo
                ? row -> consumer.accept(new ExportRow(row.getString(1), row.getInt(2), row.getLong(3)))
                : row -> consumer.accept(new ExportRow(row.getString(1), 0, 0));
        jdbc.sql("SELECT code" + (withInfo ? ", batch_number, redemptions" : "")
                        + " FROM code_view WHERE code >= ? AND code < ? AND batch_id = ?")
                .params(prefix + "-", prefix + ".", batchId).withFetchSize(10_000).query(handler);
    }
}
