import { currentTime } from "@fairlance/db";
import { fileStore } from "@fairlance/db/files";
import { serveAttachment } from "@/server/attachment-download";
import { getSession } from "@/server/auth";
import { getPrisma } from "@/server/db";

export const dynamic = "force-dynamic";

/** An attachment, downloaded through a signed link by a party or an admin: see server/attachment-download.ts. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const prisma = getPrisma();
  const [{ id }, session, now] = await Promise.all([params, getSession(), currentTime(prisma)]);
  return serveAttachment({
    prisma,
    store: fileStore(),
    attachmentId: id,
    search: new URL(request.url).searchParams,
    viewer: session ? { id: session.user.id, role: session.user.role } : null,
    now,
  });
}
