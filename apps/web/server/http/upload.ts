import { TRPCError } from "@trpc/server";
import { formatBytes, MAX_IMAGE_BYTES } from "@fairlance/db/files";
import { IMAGE_UPLOAD, isUploadSchema, uploadLimitOf, type UploadLimit } from "../uploads";
import { BodyTooLarge, readBody } from "./body";
import { procedures } from "./procedures";

/**
 * The largest upload body the API reads: the file's limit and room for the multipart framing
 * and a few text fields. Past it the request is refused before its end is read.
 */
export const MAX_UPLOAD_BODY_BYTES = MAX_IMAGE_BYTES + 64 * 1024;

/** The multipart framing and text fields an upload body may add to its file. */
const FRAMING_BYTES = 64 * 1024;

/** The file limit of the upload procedure at `path` (an image's, unless its uploadInput says otherwise). */
export const uploadLimitFor = (path: string): UploadLimit =>
  (procedures[path]?._def.inputs ?? []).map(uploadLimitOf).find((limit): limit is UploadLimit => limit !== undefined) ?? IMAGE_UPLOAD;

const mediaType = (req: Request) => req.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();

/** The request says its body is a multipart form (an upload). */
export const isMultipart = (req: Request) => mediaType(req) === "multipart/form-data";

/** Whether the procedure takes an upload (its input is an uploadInput, server/uploads.ts). */
export const isUploadProcedure = (path: string) => Object.hasOwn(procedures, path) && (procedures[path]?._def.inputs ?? []).some(isUploadSchema);

/** The sentence refusing a JSON body to an upload procedure. */
export const uploadNeedsForm = (path: string) => `"${path}" takes a file: send it as multipart/form-data, the way the app's client sends a FormData.`;

/**
 * Checks an upload (a multipart body to a procedure that takes one, isUploadProcedure) before
 * tRPC reads it: one call (never a batch), at most `limit` bytes (refused by Content-Length before anything is read, or as soon
 * as the stream passes the limit, never buffered whole), a well-formed multipart body. Gives
 * the request to hand to tRPC (its body is the checked bytes) or the error to answer with.
 */
export async function checkUpload(req: Request, paths: string[], isBatch: boolean, fileLimit?: number): Promise<{ request: Request } | { refusal: TRPCError }> {
  const refuse = (code: TRPCError["code"], message: string) => ({ refusal: new TRPCError({ code, message }) });
  if (isBatch || paths.length !== 1) return refuse("BAD_REQUEST", "An upload is sent on its own, not in a batch.");
  const maxFile = fileLimit ?? uploadLimitFor(paths[0]!).maxBytes;
  const limit = maxFile + FRAMING_BYTES;

  const tooLarge = () => refuse("PAYLOAD_TOO_LARGE", `The upload is larger than the ${formatBytes(maxFile)} limit: choose a smaller file.`);
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return tooLarge();

  let body: Uint8Array;
  try {
    body = await readBody(req, limit);
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLarge();
    throw error;
  }
  const type = req.headers.get("content-type")!;
  try {
    // Bounded by the cap above; tRPC parses the same bytes again for the procedure.
    await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "content-type": type } }).formData();
  } catch {
    return refuse("BAD_REQUEST", "The upload is not a valid multipart/form-data body. Send the file from the app's form.");
  }
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return { request: new Request(req.url, { method: "POST", headers, body: body as Uint8Array<ArrayBuffer>, signal: req.signal }) };
}
