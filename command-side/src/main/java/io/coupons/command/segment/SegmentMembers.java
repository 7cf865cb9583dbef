package io.coupons.command.segment;

import io.coupons.api.segment.SegmentId;
import io.coupons.api.segment.SegmentMembersReplacedEvent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Owner of {@code segment_upload} and {@code segment_member}: the member sets of user segments on
 * the command side, kept for what needs a segment's members as of a moment (promo batch generation
 * per target segment reads {@link #current} once, then pages {@link #members} by account id).
 *
 * <p>Rule: an upload's rows are staged before any of its events exist, and become the segment's
 * members only in the transaction of its {@link SegmentMembersReplacedEvent} (this class handles
 * it in the {@link SegmentConfig subscribing} group, inside the command's unit of work; a failure
 * here fails the command). So a refused upload, an interrupted one, or one whose command lost,
 * leaves the member set in force as it was.
 */
@Component
@ProcessingGroup(SegmentConfig.GROUP)
public class SegmentMembers {

    /** How long an upload may stay STAGING before the purge takes it for one a crash abandoned. */
    private static final String ABANDONED_AFTER = "1 hour";
    private static final int PURGE_ROWS = 10_000;

    private final JdbcClient jdbc;

    public SegmentMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member set in force: which upload, its revision and size. */
    public record Membership(UUID uploadId, int revision, long members) {
    }

    public Optional<Membership> current(SegmentId segment) {
        return jdbc.sql("SELECT upload_id, revision, members FROM segment_upload WHERE segment_id = ? "
                        + "AND state = 'CURRENT'")
                .param(segment.value())
                .query((row, i) -> new Membership(row.getObject(1, UUID.class), row.getInt(2), row.getLong(3)))
                .optional();
    }

    /**
     * The member set in force, pinned for a generation run: the purge leaves it alone until
     * {@link #unpin}, even once a newer upload replaces it. The share lock on the upload's row
     * keeps a replacement (which updates the row) from slipping in between the read and the pin.
     */
    public Optional<Membership> pinCurrent(SegmentId segment, UUID runId) {
        Optional<Membership> current = jdbc.sql("SELECT upload_id, revision, members FROM segment_upload "
                        + "WHERE segment_id = ? AND state = 'CURRENT' FOR SHARE")
                .param(segment.value())
                .query((row, i) -> new Membership(row.getObject(1, UUID.class), row.getInt(2), row.getLong(3)))
                .optional();
        current.ifPresent(membership -> jdbc.sql("INSERT INTO segment_upload_pin (run_id, upload_id) VALUES (?, ?) "
                + "ON CONFLICT (run_id) DO NOTHING").params(runId, membership.uploadId()).update());
        return current;
    }

    /** The run has read all it needs: its member set may be purged once replaced. */
    public void unpin(UUID runId) {
        jdbc.sql("DELETE FROM segment_upload_pin WHERE run_id = ?").param(runId).update();
    }

    /**
     * Up to {@code limit} account ids of an upload after {@code after} (null: from the first), in
     * ordinal order: a reader resumes exactly where it stopped, and memory stays one page.
     */
    public List<String> members(UUID uploadId, String after, int limit) {
        return jdbc.sql("""
                        SELECT account_id FROM segment_member WHERE upload_id = ? AND account_id > ?
                        ORDER BY account_id LIMIT ?""")
                .params(uploadId, after == null ? "" : after, limit)
                .query(String.class).list();
    }

    void startUpload(UUID uploadId, SegmentId segment, String startedBy) {
        jdbc.sql("INSERT INTO segment_upload (upload_id, segment_id, state, started_by) VALUES (?, ?, 'STAGING', ?)")
                .params(uploadId, segment.value(), startedBy).update();
    }

    /** Stages account ids (valid, stripped) of an upload; answers how many were new to it. */
    int stage(UUID uploadId, List<String> accountIds) {
        return jdbc.sql("""
                        INSERT INTO segment_member (upload_id, account_id) SELECT ?, unnest(?::text[])
                        ON CONFLICT DO NOTHING""")
                .params(uploadId, accountIds.toArray(String[]::new)).update();
    }

    @EventHandler
    void on(SegmentMembersReplacedEvent event) {
        jdbc.sql("UPDATE segment_upload SET state = 'REPLACED' WHERE segment_id = ? AND state = 'CURRENT'")
                .param(event.segmentId().value()).update();
        int switched = jdbc.sql("""
                        UPDATE segment_upload SET state = 'CURRENT', revision = ?, members = ?
                        WHERE upload_id = ? AND segment_id = ? AND state = 'STAGING'""")
                .params(event.revision(), event.members(), event.uploadId(), event.segmentId().value()).update();
        if (switched != 1) {
            throw new IllegalStateException("Upload " + event.uploadId() + " of segment " + event.segmentId()
                    + " is not staged here");
        }
    }

    /** Forgets a refused upload: its rows go, in transactions of bounded size (see {@link #purgeSome}). */
    void markAbandoned(UUID uploadId) {
        jdbc.sql("UPDATE segment_upload SET state = 'REPLACED' WHERE upload_id = ? AND state = 'STAGING'")
                .param(uploadId).update();
    }

    /**
     * Deletes up to {@link #PURGE_ROWS} rows of one upload no longer needed (replaced, refused, or
     * staging for longer than any upload takes), and the upload itself once it has no rows left.
     * Answers false when there was nothing to purge. Called in a loop, one short transaction each.
     */
    boolean purgeSome() {
        Optional<UUID> upload = jdbc.sql("SELECT upload_id FROM segment_upload u WHERE (state = 'REPLACED' "
                        + "OR (state = 'STAGING' AND started_at < now() - CAST('" + ABANDONED_AFTER + "' AS interval))) "
                        + "AND NOT EXISTS (SELECT 1 FROM segment_upload_pin p WHERE p.upload_id = u.upload_id) "
                        + "LIMIT 1 FOR UPDATE SKIP LOCKED")
                .query(UUID.class).optional();
        if (upload.isEmpty()) {
            return false;
        }
        int deleted = jdbc.sql("""
                        DELETE FROM segment_member WHERE upload_id = ? AND account_id IN
                            (SELECT account_id FROM segment_member WHERE upload_id = ? ORDER BY account_id LIMIT ?)""")
                .params(upload.get(), upload.get(), PURGE_ROWS).update();
        if (deleted < PURGE_ROWS) {
            jdbc.sql("DELETE FROM segment_upload WHERE upload_id = ?").param(upload.get()).update();
        }
        return true;
    }
}
