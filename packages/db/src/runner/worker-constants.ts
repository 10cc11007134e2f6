/** All economy jobs share one named queue: they run one at a time, in the order queued. */
export const ECONOMY_QUEUE = "economy";
/** A job that keeps failing is retried with exponential backoff this many times, then kept as failed. */
export const MAX_ATTEMPTS = 8;
