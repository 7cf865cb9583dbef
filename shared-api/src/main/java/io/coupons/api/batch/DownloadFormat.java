package io.coupons.api.batch;

public enum DownloadFormat {
    /** One column: code. */
    CODES_CSV,
    /** code, batch number, usage count. */
    CODES_WITH_INFO_CSV,
    /** The Full Export ZIP across all campaigns. */
    FULL_EXPORT_ZIP
}
