package io.coupons.command.segment;

import io.coupons.api.common.AuditMetadata;
import io.coupons.api.segment.SegmentId;
import io.coupons.api.segment.SegmentMembersStagedEvent;
import io.coupons.command.common.CommandRejectedException;
import io.coupons.command.web.CommandSender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces a segment's members with an upload, in three steps, every transaction short (none
 * grows with the upload: AXON-NOTES, gapTimeout):
 * <ol>
 *   <li><b>Stage</b>: read the entries one at a time, check each, and insert them in blocks of
 *   {@value #STAGE_BLOCK} under a fresh upload id (duplicates fold into one). The first bad entry
 *   stops the upload: its rows are deleted and the refusal (422) names the line. No event exists
 *   yet, so a refused upload leaves no trace.</li>
 *   <li><b>Publish</b>: the staged members in account id order, as bounded
 *   {@link SegmentMembersStagedEvent} chunks, one short transaction each.</li>
 *   <li><b>Switch</b>: {@link ReplaceSegmentMembersCommand} to the segment, whose event makes the
 *   upload the member set in force, on the command side ({@link SegmentMembers}) in its own
 *   transaction and on the query side when projected.</li>
 * </ol>
 * A crash before the switch leaves the previous members in force; the staged rows are purged
 * later and the orphaned chunk events stay inert.
 */
@Component
public class SegmentUploads {

    /** The most lines (account ids, duplicates included) one upload may have. */
    static final long MAX_ENTRIES = 10_000_000;
    static final int STAGE_BLOCK = 10_000;
    /** What is left of a refused upload's body is read and dropped up to this, so the client gets the 422. */
    private static final long DRAIN_BYTES = 256L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(SegmentUploads.class);

    private final SegmentMembers members;
    private final EventBus eventBus;
    private final TransactionTemplate transactions;
    private final CommandSender commands;

    public SegmentUploads(SegmentMembers members, EventBus eventBus, TransactionTemplate transactions,
                          CommandSender commands) {
        this.members = members;
        this.eventBus = eventBus;
        this.transactions = transactions;
        this.commands = commands;
    }

    public SegmentReplacement replace(String name, AccountIdSource source) throws IOException {
        SegmentRules.checkName(name);
        SegmentId segment = SegmentId.of(name);
        UUID upload = UUID.randomUUID();
        String user = currentUser();
        members.startUpload(upload, segment, user);
        boolean replaced = false;
        try {
            long[] staged = stage(upload, source);
            int chunks = publish(segment, upload, user);
            SegmentReplaced answer = commands.sendForResult(
                    new ReplaceSegmentMembersCommand(segment, name, upload, staged[1], chunks), SegmentReplaced.class);
            replaced = true;
            return new SegmentReplacement(answer.id(), name, answer.version(), answer.revision(), answer.members(), staged[0],
                    staged[0] - staged[1]);
        } finally {
            if (!replaced) {
                members.markAbandoned(upload);
            }
            purge();
        }
    }

    /** Answers {entries read, distinct members}; refuses (422) at the first bad entry. */
    private long[] stage(UUID upload, AccountIdSource source) throws IOException {
        long entries = 0;
        long distinct = 0;
        List<String> block = new ArrayList<>(STAGE_BLOCK);
        try {
            while (source.next()) {
                if (++entries > MAX_ENTRIES) {
                    throw new AccountIdSource.RefusedEntry(source.name(),
                            "is one too many: an upload holds at most " + MAX_ENTRIES + " account ids");
                }
                String raw = source.current();
                String accountId = raw == null ? null : raw.strip();
                String problem = accountId == null ? "is required" : SegmentRules.accountIdProblem(accountId);
                if (problem != null) {
                    throw new AccountIdSource.RefusedEntry(source.name(), problem);
                }
                block.add(accountId);
                if (block.size() == STAGE_BLOCK) {
                    distinct += stageBlock(upload, block);
                }
            }
        } catch (AccountIdSource.RefusedEntry refused) {
            source.drain(DRAIN_BYTES);
            throw CommandRejectedException.invalid(refused.field(), refused.getMessage());
        }
        distinct += stageBlock(upload, block);
        return new long[] {entries, distinct};
    }

    private int stageBlock(UUID upload, List<String> block) {
        if (block.isEmpty()) {
            return 0;
        }
        Integer added = transactions.execute(status -> members.stage(upload, block));
        block.clear();
        return added == null ? 0 : added;
    }

    /** Publishes the staged members as chunks in account id order; answers how many chunks. */
    private int publish(SegmentId segment, UUID upload, String user) {
        Map<String, String> metadata = user == null ? Map.of() : Map.of(AuditMetadata.USER, user);
        String after = null;
        int chunk = 0;
        while (true) {
            List<String> page = members.members(upload, after, SegmentMembersStagedEvent.MAX_ACCOUNTS);
            if (page.isEmpty()) {
                return chunk;
            }
            List<String> accountIds = withinBytes(page);
            after = accountIds.get(accountIds.size() - 1);
            SegmentMembersStagedEvent event = new SegmentMembersStagedEvent(segment, upload, chunk++, accountIds);
            transactions.executeWithoutResult(status ->
                    eventBus.publish(GenericEventMessage.asEventMessage(event).andMetaData(metadata)));
        }
    }

    /** The leading account ids that fit in a chunk's byte budget (at least one). */
    private static List<String> withinBytes(List<String> page) {
        long bytes = 0;
        for (int i = 0; i < page.size(); i++) {
            bytes += page.get(i).getBytes(StandardCharsets.UTF_8).length + 3; // quotes and comma in JSON
            if (bytes > SegmentMembersStagedEvent.MAX_BYTES && i > 0) {
                return page.subList(0, i);
            }
        }
        return page;
    }

    /** Removes uploads no longer needed, a bounded number of rows per transaction. */
    private void purge() {
        try {
            while (Boolean.TRUE.equals(transactions.execute(status -> members.purgeSome()))) {
                // next batch
            }
        } catch (RuntimeException e) {
            // Leftovers are never in force and the next upload purges them; the answer stands.
            log.warn("Purging replaced segment uploads failed; the next upload retries", e);
        }
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? null : authentication.getName();
    }
}
