import "server-only";
import type { PrismaClient } from "@fairlance/db";
import { FileStoreError, type FileStore, type StoredFile } from "@fairlance/db/files";
import { attachmentForDownload, type AttachmentDownload } from "@fairlance/db/read";
import { checkDownloadLink } from "./attachment-links";
import { FILE_HEADERS, sentence } from "./files";

/** `filename` for old clients (ASCII, quotes and backslashes replaced) and `filename*` (RFC 5987) for the real name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * GET /files/attachments/<id>?expires=…&sig=… (economy.md §5.1): the link must be one a read model
 * signed and not have expired (at the marketplace's `now`), AND the signed-in person must be a
 * party of the file's conversation or contract, or an admin. Served as a download (never shown
 * in the page), with the type sniffed at upload, `nosniff`, a sandbox, and never cached.
 */
export async function serveAttachment(input: {
  prisma: PrismaClient;
  store: FileStore;
  attachmentId: string;
  search: URLSearchParams;
  viewer: { id: string; role: string } | null;
  now: Date;
}): Promise<Response> {
  const link = checkDownloadLink({ attachmentId: input.attachmentId, expires: input.search.get("expires"), sig: input.search.get("sig") }, input.now);
  if (link === "invalid") return sentence(404, "This download link is not valid. Open the conversation again and use the link there.");
  if (link === "expired") return sentence(410, "This download link has expired. Open the conversation again for a new one.");
  if (!input.viewer) return sentence(401, "Sign in to download this file.");
  let file: AttachmentDownload;
  try {
    file = await attachmentForDownload(input.prisma, { attachmentId: input.attachmentId, viewer: input.viewer });
  } catch {
    return sentence(404, "There is no file at this address, or it is not yours to download.");
  }
  let stored: StoredFile | null;
  try {
    stored = await input.store.get(file.fileKey);
  } catch (error) {
    console.error(`[files] attachment ${input.attachmentId}:`, error instanceof FileStoreError ? error.message : error);
    return sentence(500, "The file could not be read. Please try again.");
  }
  if (!stored) return sentence(404, "This file is no longer stored.");
  const type = file.contentType === "text/plain" ? "text/plain; charset=utf-8" : file.contentType;
  return new Response(stored.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      ...FILE_HEADERS,
      "content-type": type,
      "content-disposition": contentDisposition(file.fileName),
      "content-length": String(stored.bytes.byteLength),
      "cache-control": "private, no-store",
    },
  });
}
