import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import type { Role } from "@fairlance/db";
import { roleList } from "@fairlance/rules";
import { PAGE_PATH_HEADER, samesitePath } from "@/lib/page-path";
import { getSession } from "./auth";

/** The signed-in person's session; signed out → the sign-in page, coming back to this page afterwards. */
export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (!session) {
    const path = samesitePath((await headers()).get(PAGE_PATH_HEADER)) ?? "/dashboard";
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  return session;
}

export type PageAccess = { session: Session; refusal: null } | { session: Session; refusal: string };

/**
 * The one page gate, used by the route groups' layouts (app/(freelancer)/layout.tsx…): signed out →
 * sign in and come back; another role → `refusal`, a sentence saying who the pages are for, which
 * the layout shows instead of the page. The procedures check the role again for every call.
 */
export async function requireRole(roles: readonly Role[], refusal = `This page is for ${roleList(roles)}.`): Promise<PageAccess> {
  const session = await requireSession();
  return roles.includes(session.user.role) ? { session, refusal: null } : { session, refusal };
}
