import type { Metadata } from "next";
import { AccountPage } from "@/features/account/account-page";
import { requireSession } from "@/server/page-access";
import { Providers } from "@/app/providers";

export const metadata: Metadata = { title: "Your account" };

export default async function Page() {
  const session = await requireSession();
  return (
    <Providers>
      <AccountPage email={session.user.email} />
    </Providers>
  );
}
