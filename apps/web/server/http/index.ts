/**
 * The tRPC endpoint's HTTP layer, one concern per module: origin.ts (CSRF: cross-site posts),
 * body.ts (the bounded body reader), upload.ts (multipart uploads: their cap and checks),
 * batch.ts (the batch cap, each call's input), decode.ts (the strict decoder and undeclared
 * fields), error-shape.ts (refusals in tRPC's error shape), handler.ts (the fetch handler that
 * runs them in order).
 */
export { MAX_BATCH_CALLS } from "./batch";
export { MAX_BODY_BYTES } from "./body";
export { MAX_UPLOAD_BODY_BYTES } from "./upload";
export { createTrpcHandler, TRPC_ENDPOINT, UNCOMPRESSED_BELOW_BYTES, type TrpcHandlerOptions } from "./handler";
