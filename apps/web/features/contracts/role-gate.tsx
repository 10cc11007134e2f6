import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui";
import { getSession } from "@/server/auth";

type Role = "CLIENT" | "FREELANCER" | "ADMIN";
const WHO: Record<Role, string> = { CLIENT: "clients", FREELANCER: "freelancers", ADMIN: "admins" };

/** Server-side page guard: signed out → sign in and come back; the wrong role → a sentence saying who the page is for. */
export async function RoleGate({ path, roles, children }: { path: string; roles: Role[]; children: ReactNode }) {
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!roles.includes(session.user.role)) {
    return <Alert tone="info">This page is for {roles.map((role) => WHO[role]).join(" and ")}.</Alert>;
  }
  return <>{children}</>;
}
