import type { ReactNode } from "react";
import { roleTitle } from "@fairlance/rules";
import type { RouterOutputs } from "@/features/contracts/types";
import { formatAge, formatDate } from "@/lib/format";

type Me = RouterOutputs["me"]["get"];

/**
 * The dashboard's frame: who is signed in, then the role's dashboard (`children`). A server
 * component, like the dashboards: they are links and numbers, with no JavaScript of their own.
 */
export function Dashboard({ me, children }: { me: Me; children: ReactNode }) {
  const age = formatAge(me.createdAt, me.now);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Welcome, {me.name}</h1>
        <p className="break-words text-sm text-slate-600">
          {roleTitle(me.role)} · {me.email} · member since {formatDate(me.createdAt)}
          {age !== "today" && ` (${age})`}
        </p>
      </div>
      {children}
    </div>
  );
}
