import { fileStore } from "@fairlance/db/files";
import { serveFile } from "@/server/files";

/** A stored file (an avatar, a portfolio image) at /files/<key>: see server/files.ts. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  return serveFile(fileStore(), (await params).key);
}
