import type { Metadata } from "next";
import { AccountPage } from "@/features/account/account-page";
import { RoleGate } from "@/features/contracts/role-gate";
import { getSession } from "@/server/auth";

export const metadata: Metadata = { title: "Your account" };

export default async function Page() {
  const session = await getSession();
  return (
    <RoleGate path="/account" roles={["CLIENT", "FREELANCER", "ADMIN"]}>
      <AccountPage email={session?.user.email ?? ""} />
    </RoleGate>
  );
}
