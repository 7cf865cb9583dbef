package io.coupons.command.segment;

import java.util.UUID;

/**
 * What a replacement of a segment's members answers.
 *
 * @param version    the segment aggregate's version: the query side's {@code version} reaches it
 *                   once the new members are visible there
 * @param revision   the member set's number: 1, 2, 3… per replacement
 * @param members    distinct account ids now in force
 * @param entries    account ids as sent (lines of the file, entries of the list)
 * @param duplicates entries that repeated an account id already in the upload (kept once)
 */
public record SegmentReplacement(UUID id, String name, long version, int revision, long members, long entries,
                                 long duplicates) {
}
