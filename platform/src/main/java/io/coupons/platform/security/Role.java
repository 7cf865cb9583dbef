package io.coupons.platform.security;

/** The three kinds of caller; each may do only its own work. */
public enum Role {
    /** Marketing and support: create and change campaigns, rules, batches; search; export. */
    ADMIN,
    /** The checkout machine: validate, redeem, reverse. */
    CHECKOUT,
    /** Finance and compliance: read everything, change nothing. */
    AUDITOR
}
