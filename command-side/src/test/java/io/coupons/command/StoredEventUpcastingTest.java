package io.coupons.command;

import io.coupons.platform.testing.StoredEventUpcastingCheck;

/** This side reads stored events through the platform's upcasters (the Redemption aggregate loads it). */
@CommandSideTest
class StoredEventUpcastingTest extends StoredEventUpcastingCheck {
}
