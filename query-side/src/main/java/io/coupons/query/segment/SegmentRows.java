package io.coupons.query.segment;

import io.coupons.api.segment.SegmentPage;
import io.coupons.api.segment.SegmentView;
import io.coupons.api.common.PageRequest;
import io.coupons.platform.persistence.CodeCopy;
import io.coupons.query.sql.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Owner of {@code segment_view} and {@code segment_member_view}. Rule: a segment's members are the
 * rows of its current upload only; the current upload moves forward with the segment's version,
 * so redelivered events change nothing and a half-projected upload is never read.
 */
@Component
public class SegmentRows {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public SegmentRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    void define(UUID id, String name, Instant at, String user, long version) {
        jdbc.sql("""
                        INSERT INTO segment_view (id, name, created_at, created_by, updated_at, updated_by, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, name, Timestamp.from(at), user, Timestamp.from(at), user, version)
                .update();
    }

    /** Adds a chunk with COPY; a chunk delivered again falls back to an insert that skips what is there. */
    void stage(UUID uploadId, List<String> accountIds) {
        if (!CodeCopy.copyUnlessAnyExists(dataSource, "COPY segment_member_view (account_id, upload_id) FROM STDIN",
                accountIds, "\t" + uploadId + "\n")) {
            jdbc.sql("""
                            INSERT INTO segment_member_view (upload_id, account_id) SELECT ?, unnest(?::text[])
                            ON CONFLICT DO NOTHING""")
                    .params(uploadId, accountIds.toArray(String[]::new)).update();
        }
    }

    /** Makes the upload current and deletes the rows of the one it replaces. */
    void replace(UUID id, UUID uploadId, int revision, long members, Instant at, String user, long version) {
        record Row(UUID upload, long version) {
        }
        Row old = jdbc.sql("SELECT current_upload_id, version FROM segment_view WHERE id = ? FOR UPDATE").param(id)
                .query((row, i) -> new Row(row.getObject(1, UUID.class), row.getLong(2))).optional().orElse(null);
        if (old == null || old.version() >= version) {
            return; // unknown (cannot be: its definition comes first) or already applied
        }
        jdbc.sql("""
                        UPDATE segment_view SET current_upload_id = ?, revision = ?, member_count = ?, updated_at = ?,
                               updated_by = ?, version = ? WHERE id = ?""")
                .params(uploadId, revision, members, Timestamp.from(at), user, version, id).update();
        if (old.upload() != null && !old.upload().equals(uploadId)) {
            jdbc.sql("DELETE FROM segment_member_view WHERE upload_id = ?").param(old.upload()).update();
        }
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE segment_view, segment_member_view").update();
    }

    Optional<SegmentView> find(UUID id) {
        return jdbc.sql("SELECT * FROM segment_view WHERE id = ?").param(id).query(this::view).optional();
    }

    /** Name order; {@code nameContains} case-sensitive (LIKE, served by the trigram index). */
    SegmentPage find(String nameContains, PageRequest page) {
        String where = " WHERE (CAST(:text AS text) IS NULL OR name LIKE '%' || CAST(:text AS text) || '%' ESCAPE '\\')";
        String text = nameContains == null ? null : Like.escape(nameContains);
        long total = jdbc.sql("SELECT count(*) FROM segment_view" + where).param("text", text)
                .query(Long.class).single();
        List<SegmentView> items = jdbc.sql("SELECT * FROM segment_view" + where
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("text", text).param("limit", page.size()).param("offset", page.offset())
                .query(this::view).list();
        return new SegmentPage(items, total, page.page(), page.size());
    }

    /** A page of members in force and the revision they belong to. */
    record Members(int revision, List<String> accountIds) {
    }

    /**
     * Up to {@code limit} members in force after {@code after}, in ordinal order, read in one
     * statement with the current upload, so a page never mixes two member sets.
     */
    Members members(UUID segmentId, String after, int limit) {
        int[] revision = {0};
        List<String> accountIds = jdbc.sql("""
                        SELECT s.revision, m.account_id FROM segment_view s
                        JOIN segment_member_view m ON m.upload_id = s.current_upload_id
                        WHERE s.id = ? AND m.account_id > ? ORDER BY m.account_id LIMIT ?""")
                .params(segmentId, after == null ? "" : after, limit)
                .query((row, i) -> {
                    revision[0] = row.getInt(1);
                    return row.getString(2);
                }).list();
        return new Members(revision[0], accountIds);
    }

    private SegmentView view(ResultSet row, int rowNum) throws SQLException {
        return new SegmentView(row.getObject("id", UUID.class), row.getString("name"), row.getInt("revision"),
                row.getLong("member_count"), row.getTimestamp("created_at").toInstant(), row.getString("created_by"),
                row.getTimestamp("updated_at").toInstant(), row.getString("updated_by"), row.getLong("version"));
    }
}
