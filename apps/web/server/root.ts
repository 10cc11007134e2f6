import { router } from "./trpc";
import { authRouter } from "./routers/auth/router";
import { dashboardRouter } from "./routers/dashboard/router";
import { meRouter } from "./routers/me/router";
import { connectsRouter } from "./routers/connects/router";
import { jobRouter } from "./routers/job/router";
import { messageRouter } from "./routers/message/router";
import { proposalRouter } from "./routers/proposal/router";

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  dashboard: dashboardRouter,
  job: jobRouter,
  proposal: proposalRouter,
  connects: connectsRouter,
  message: messageRouter,
});

export type AppRouter = typeof appRouter;
