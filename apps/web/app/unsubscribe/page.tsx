import type { Metadata } from "next";
import { UnsubscribeView } from "@/features/unsubscribe/unsubscribe-view";
import { readQuery, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false }, referrer: "no-referrer" };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * An email's unsubscribe link (README, "Email"): says what it would turn off and asks to confirm;
 * anyone with the link, signed in or not. Following it changes nothing (a mail scanner that
 * opens links unsubscribes nobody); the button, or a mail client's one-click, posts to the same
 * address (proxy.ts → app/api/unsubscribe/route.ts).
 */
export default async function Page({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const result = token
    ? await readQuery(trpc.preferences.unsubscribeInfo.queryOptions({ token: token.slice(0, 400) }))
    : ({ ok: false, message: "This page needs the link from an email: open it from the email's “Unsubscribe” link." } as const);
  return (
    <div className="mx-auto max-w-xl">
      <UnsubscribeView token={token} result={result} />
    </div>
  );
}
