import { currentTime } from "@fairlance/db";
import { readRequestSession } from "@/server/auth";
import { getPrisma } from "@/server/db";
import { createTrpcHandler } from "@/server/http";
import { env } from "@/server/env";

const handler = createTrpcHandler({
  // protectedProcedure checks the session against the database, with the role, in one read.
  resolveSession: (req) => readRequestSession(req),
  getPrisma,
  now: currentTime,
  publicUrl: env.NEXTAUTH_URL ?? null,
});

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
