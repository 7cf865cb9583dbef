package io.coupons.api.redemption;

import java.util.List;

public record RedemptionPage(List<RedemptionView> items, long total, int page, int size) {
}
