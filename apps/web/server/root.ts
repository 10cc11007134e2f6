import { router } from "./trpc";
import { authRouter } from "./routers/auth/router";
import { dashboardRouter } from "./routers/dashboard/router";
import { meRouter } from "./routers/me/router";

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;
