import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui";
import { getSession } from "@/server/auth";

type Role = "CLIENT" | "FREELANCER";
const WHO: Record<Role, string> = { CLIENT: "clients", FREELANCER: "freelancers" };

/** Server-side guard of a jobs page: signed out → sign in and come back; another role → who the page is for. */
export async function PageGate({ path, role, children }: { path: string; role: Role; children: ReactNode }) {
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (session.user.role !== role) return <Alert tone="info">This page is for {WHO[role]}.</Alert>;
  return <>{children}</>;
}
