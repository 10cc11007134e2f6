import "server-only";
import { isFileKey, isPrivateFileKey, type FileStore } from "@fairlance/db/files";

/** What the file route serves as itself; anything else a store holds is only downloaded. */
const IMAGE_TYPES = new Set(["image/webp", "image/png", "image/jpeg"]);

/**
 * Headers of everything under /files: a stored file is data, never a page. No type guessing,
 * no script, no plugin, no form, a sandbox of its own if opened directly, and no embedding by
 * other sites.
 */
export const FILE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "cross-origin-resource-policy": "same-origin",
};

export const sentence = (status: number, text: string) =>
  new Response(text, { status, headers: { ...FILE_HEADERS, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * The answer to GET /files/<key>: the stored file with its content type, cached for a year as
 * immutable (a key is made once, `newImageKey()`, and never names other content), or a 404 with
 * a sentence for a key that is not one or names nothing. A store that fails is a 500, logged.
 */
export async function serveFile(store: FileStore, segments: readonly string[]): Promise<Response> {
  const key = segments.join("/");
  // Attachments are private: only their signed links serve them (app/files/attachments/[id]).
  if (!isFileKey(key) || isPrivateFileKey(key)) return sentence(404, "There is no file at this address.");
  let file: Awaited<ReturnType<FileStore["get"]>>;
  try {
    file = await store.get(key);
  } catch (error) {
    console.error(`[files] ${key}:`, error);
    return sentence(500, "The file could not be read. Please try again.");
  }
  if (!file) return sentence(404, "There is no file at this address.");
  const image = IMAGE_TYPES.has(file.contentType);
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      ...FILE_HEADERS,
      "content-type": image ? file.contentType : "application/octet-stream",
      ...(image ? {} : { "content-disposition": "attachment" }),
      "content-length": String(file.bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
