package io.coupons.query;

import io.coupons.platform.testing.StoredEventUpcastingCheck;

/** This side reads stored events through the platform's upcasters (the usage projection reads it). */
@QuerySideTest
class StoredEventUpcastingTest extends StoredEventUpcastingCheck {
}
