package io.coupons.command.redemption;

import java.util.ArrayList;
import java.util.List;

/**
 * Whom a code lookup counts against: the customer account the order names (chosen by the client,
 * so on its own a guesser dodges by naming a new one each time) and always the authenticated
 * caller, which the client cannot choose.
 *
 * @param accountKey {@code account:<accountId>}, or null when the order names no account
 * @param callerKey  {@code caller:<user>}, the {@code user} of the command's metadata
 */
public record LookupClient(String accountKey, String callerKey) {

    public LookupClient {
        if (callerKey == null) {
            throw new IllegalArgumentException("A lookup always has a caller");
        }
    }

    static LookupClient of(String accountId, String caller) {
        return new LookupClient(accountId == null || accountId.isBlank() ? null : "account:" + accountId,
                "caller:" + (caller == null ? "anonymous" : caller));
    }

    /** The keys in the order their rows are locked: account first, the (hotter) caller row last. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(2);
        if (accountKey != null) {
            keys.add(accountKey);
        }
        keys.add(callerKey);
        return keys;
    }
}
