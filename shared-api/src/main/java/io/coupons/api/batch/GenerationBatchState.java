package io.coupons.api.batch;

public enum GenerationBatchState {
    REQUESTED,
    RUNNING,
    COMPLETED,
    FAILED
}
