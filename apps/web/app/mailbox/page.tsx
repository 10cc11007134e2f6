import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { mailboxEnabled } from "@fairlance/db/read";
import { MailboxList } from "@/features/mailbox/mailbox-list";
import { readQuery, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Demo mailbox", robots: { index: false } };

type Props = { searchParams: Promise<{ to?: string | string[]; page?: string | string[] }> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * The demo mailbox (README, "Email"): every email of this server's outbox, to anyone. Only on a
 * demo server (no SMTP_URL, not production); a 404 elsewhere. Drawn on the server with its data.
 */
export default async function Page({ searchParams }: Props) {
  if (!mailboxEnabled()) notFound();
  const params = await searchParams;
  const to = one(params.to).trim().slice(0, 254);
  const page = Number.parseInt(one(params.page), 10);
  const result = await readQuery(trpc.mailbox.list.queryOptions({ ...(to ? { to } : {}), ...(page > 1 && page <= 10_000 ? { page } : {}) }));
  return <MailboxList to={to} result={result} />;
}
