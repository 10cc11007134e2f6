/**
 * The most calls one batched API request may carry: the browser's client batches at most this
 * many, and the server refuses more (without a cap, one small request could queue hundreds of
 * procedure calls).
 */
export const MAX_BATCH_CALLS = 20;
