import type { ReactNode } from "react";
import { requireSession } from "@/server/page-access";

/**
 * Pages for anyone signed in, whatever their role (dashboard, account); URLs unchanged. No
 * Providers here: the dashboard is drawn on the server, so the pages with client parts place it.
 */
export default async function SignedInPagesLayout({ children }: { children: ReactNode }) {
  await requireSession();
  return children;
}
