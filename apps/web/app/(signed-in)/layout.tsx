import type { ReactNode } from "react";
import { requireSession } from "@/server/page-access";

/** Pages for anyone signed in, whatever their role (dashboard, account); URLs unchanged. */
export default async function SignedInPagesLayout({ children }: { children: ReactNode }) {
  await requireSession();
  return children;
}
