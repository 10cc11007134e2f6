"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Card, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { ChangeEmailForm } from "./change-email-form";
import { ChangeNameForm } from "./change-name-form";
import { ChangePasswordForm } from "./change-password-form";
import { ResendConfirmation } from "./resend-confirmation";
import { SessionsList } from "./sessions-list";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { NotificationPreferences } from "./notification-preferences";

/**
 * The Account page: the email (confirmed or not, a change waiting), the name, the password, and
 * where the person is signed in. Notification preferences have their own section (its own component).
 */
export function AccountPage() {
  const trpc = useTRPC();
  const query = useQuery(trpc.account.get.queryOptions());
  if (query.isPending) return <Skeleton className="h-64" />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const account = query.data;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Your account</h1>
        <p className="mt-1 break-words text-sm text-slate-600">Signed in as {account.email}.</p>
        {account.role !== "ADMIN" && (
          <p className="mt-1 text-sm text-slate-600">
            What you reported to Fairlance, and what we decided:{" "}
            <Link href="/reports" className="font-medium text-brand-700 hover:underline">
              your reports
            </Link>
            .
          </p>
        )}
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Your email">
          <div className="mb-4 space-y-1 text-sm text-slate-700" data-testid="email-status">
            <p className="break-words">
              <span className="font-medium text-slate-900">{account.email}</span>
              {account.emailVerifiedAt ? ` — confirmed on ${formatDate(account.emailVerifiedAt)}.` : " — not confirmed yet."}
            </p>
            {!account.emailVerifiedAt && (
              <p>
                We sent it a link.{" "}
                {account.waitsForConfirmation.length > 0 ? `Until you follow it you cannot ${account.waitsForConfirmation.join(", ")}.` : ""}
              </p>
            )}
            {account.pendingEmail && <p className="break-words">Waiting for you to follow the link we sent to {account.pendingEmail}; your email changes then.</p>}
            {(!account.emailVerifiedAt || account.pendingEmail) && <ResendConfirmation />}
          </div>
          <ChangeEmailForm />
        </Card>
        <Card title="Your name">
          <ChangeNameForm name={account.name} />
        </Card>
        <Card title="Change your password">
          <ChangePasswordForm />
        </Card>
        <Card title="Where you are signed in">
          <SessionsList sessions={account.sessions} />
          <div className="mt-6 border-t border-slate-200 pt-4">
            <SignOutEverywhere />
          </div>
        </Card>
        <NotificationPreferences />
      </div>
    </div>
  );
}
