package io.coupons.command.segment;

import java.io.IOException;

/**
 * The account ids of one upload, read one at a time so that no upload is ever held whole.
 * {@link #name()} says how a refusal names the entry just read, in the words of the format the
 * client sent ({@code line 1234} of a CSV file, {@code accountIds[17]} of a JSON body).
 */
interface AccountIdSource {

    /** Moves to the next entry; false at the end. Throws {@link RefusedEntry} for an unreadable one. */
    boolean next() throws IOException;

    /** The entry as sent, not yet stripped; null for a JSON null. */
    String current();

    String name();

    /** After a refusal: reads and drops up to {@code maxBytes} of what is left, so the client hears the answer. */
    default void drain(long maxBytes) throws IOException {
    }

    /** An entry that cannot even be read as text (not UTF-8, absurdly long). */
    final class RefusedEntry extends RuntimeException {

        private final String field;

        RefusedEntry(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
