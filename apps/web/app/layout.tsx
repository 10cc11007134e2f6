import type { Metadata } from "next";
import type { ReactNode } from "react";
import { countUnreadMessages, getSuspension, mailboxEnabled, unreadNotificationCount } from "@fairlance/db/read";
import { movableClockEnabled } from "@fairlance/db";
import { SUSPENDED_CAN_STILL, SUSPENDED_CANNOT } from "@fairlance/rules";
import { getPrisma } from "@/server/db";
import { Header } from "@/components/header";
import { MESSAGES_HREF } from "@/lib/navigation";
import { getSession } from "@/server/auth";
import { DemoClock } from "@/features/clock/demo-clock";
import { DemoMailboxFooter } from "@/features/mailbox/mailbox-footer";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Fairlance", template: "%s · Fairlance" },
  description: "A freelance marketplace where every connect, fee and payout is exact and explained before you commit.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  const [suspension, unreadMessages, unreadCount] = session
    ? await Promise.all([
        getSuspension(getPrisma(), session.user.id),
        countUnreadMessages(getPrisma(), session.user),
        // The bell's number on the first paint; without it the bell shows none until its live update comes.
        unreadNotificationCount(getPrisma(), session.user.id).catch((error: unknown) => {
          console.error("[layout] the unread count could not be read:", (error as Error).message);
          return null;
        }),
      ])
    : [null, 0, null];
  const demoClock = movableClockEnabled();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        {demoClock && <DemoClock signedIn={!!session} />}
        <Header session={session} counts={{ [MESSAGES_HREF]: unreadMessages }} unreadCount={unreadCount} />
        {suspension && (
          <div role="status" className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
            <p className="mx-auto max-w-6xl">
              <strong>Your account is suspended: {suspension.reason}.</strong> {SUSPENDED_CAN_STILL} {SUSPENDED_CANNOT} Your open jobs and proposals are paused until
              an admin lifts the suspension.
              {suspension.payoutsHeldReason && <> An admin also holds your payouts ({suspension.payoutsHeldReason}): withdrawals wait until the hold is released.</>}
            </p>
          </div>
        )}
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        {mailboxEnabled() && <DemoMailboxFooter />}
      </body>
    </html>
  );
}
