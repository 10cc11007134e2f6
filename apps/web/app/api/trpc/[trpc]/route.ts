import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { currentTime } from "@fairlance/db";
import { getSession } from "@/server/auth";
import { getPrisma } from "@/server/db";
import { appRouter } from "@/server/root";
import { createContextInner } from "@/server/trpc";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => {
      const prisma = getPrisma();
      // The marketplace's time for this request (the movable clock's in a demo).
      const now = await currentTime(prisma);
      return createContextInner({ session: await getSession(), prisma, now: () => now });
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
