/**
 * The largest request body the API reads. The biggest legitimate input is a job description
 * (10,000 characters); JSON escapes a character in at most 6 bytes (`\u001f`), so a worst-case
 * job is about 60 KB. 128 KiB leaves room for the other fields and a small batch, and is far
 * below anything that could tire the server.
 */
export const MAX_BODY_BYTES = 128 * 1024;

/** Whether the request says its body is JSON (`application/json`, any parameters). */
export const isJson = (req: Request) => req.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase() === "application/json";

/** A byte count as a person reads a limit: "128 KB". */
export const kib = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

export class BodyTooLarge extends Error {}

/** Reads at most `limit` bytes of the body; a longer body is cancelled, never buffered whole. */
export async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
