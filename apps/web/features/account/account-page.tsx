import { Card } from "@/components/ui";
import { ChangePasswordForm } from "./change-password-form";
import { SignOutEverywhere } from "./sign-out-everywhere";
import { NotificationPreferences } from "./notification-preferences";

export function AccountPage({ email }: { email: string }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Your account</h1>
        <p className="mt-1 text-sm text-slate-600">Signed in as {email}.</p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Change your password">
          <ChangePasswordForm />
        </Card>
        <Card title="Sign out on every device">
          <SignOutEverywhere />
        </Card>
        <NotificationPreferences />
      </div>
    </div>
  );
}
