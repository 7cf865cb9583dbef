package io.coupons.api.common;

/**
 * Metadata keys every command and the events it causes carry. Axon copies them from the command to
 * its events, so the event store itself answers "who did it" for auditors.
 */
public final class AuditMetadata {

    /** The authenticated principal that caused the message. */
    public static final String USER = "user";

    private AuditMetadata() {
    }
}
