package io.coupons.command.segment;

import java.util.List;

/** The account ids of a JSON body ({@code accountIds}), already bounded in size by the controller. */
final class JsonAccountIds implements AccountIdSource {

    private final List<String> accountIds;
    private int index = -1;

    JsonAccountIds(List<String> accountIds) {
        this.accountIds = accountIds;
    }

    @Override
    public boolean next() {
        return ++index < accountIds.size();
    }

    @Override
    public String current() {
        return accountIds.get(index);
    }

    @Override
    public String name() {
        return "accountIds[" + index + "]";
    }
}
