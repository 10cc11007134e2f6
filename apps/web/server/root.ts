import { router } from "./trpc";
import { authRouter } from "./routers/auth/router";
import { clockRouter } from "./routers/clock/router";
import { dashboardRouter } from "./routers/dashboard/router";
import { meRouter } from "./routers/me/router";
import { connectsRouter } from "./routers/connects/router";
import { jobRouter } from "./routers/job/router";
import { messageRouter } from "./routers/message/router";
import { proposalRouter } from "./routers/proposal/router";
import { billingRouter } from "./routers/billing/router";
import { contractRouter } from "./routers/contract/router";
import { earningsRouter } from "./routers/earnings/router";
import { hourlyRouter } from "./routers/hourly/router";
import { milestoneRouter } from "./routers/milestone/router";
import { paymentMethodRouter } from "./routers/payment-method/router";
import { payoutRouter } from "./routers/payout/router";
import { adminRouter } from "./routers/admin/router";
import { disputeRouter } from "./routers/dispute/router";
import { termsRouter } from "./routers/terms/router";
import { feedbackRouter } from "./routers/feedback/router";
import { profileRouter } from "./routers/profile/router";
import { talentRouter } from "./routers/talent/router";
import { invitationRouter } from "./routers/invitation/router";
import { savedRouter } from "./routers/saved/router";
import { accountRouter } from "./routers/account/router";
// Notifications in the app (issue 16)
import { notificationRouter } from "./routers/notification/router";
// Email: notification preferences, unsubscribe links, the demo mailbox (README, "Email").
import { preferencesRouter } from "./routers/preferences/router";
import { mailboxRouter } from "./routers/mailbox/router";
// Reports (issue 19 §2, economy.md §5.2)
import { reportRouter } from "./routers/report/router";

export const appRouter = router({
  auth: authRouter,
  clock: clockRouter,
  terms: termsRouter,
  me: meRouter,
  dashboard: dashboardRouter,
  job: jobRouter,
  proposal: proposalRouter,
  connects: connectsRouter,
  message: messageRouter,
  paymentMethod: paymentMethodRouter,
  billing: billingRouter,
  contract: contractRouter,
  milestone: milestoneRouter,
  hourly: hourlyRouter,
  dispute: disputeRouter,
  earnings: earningsRouter,
  payout: payoutRouter,
  feedback: feedbackRouter,
  admin: adminRouter,
  profile: profileRouter,
  talent: talentRouter,
  invitation: invitationRouter,
  saved: savedRouter,
  account: accountRouter,
  notification: notificationRouter,
  preferences: preferencesRouter,
  mailbox: mailboxRouter,
  report: reportRouter,
});

export type AppRouter = typeof appRouter;
