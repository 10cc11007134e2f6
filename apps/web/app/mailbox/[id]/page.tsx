import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { mailboxEnabled } from "@fairlance/db/read";
import { MailboxEmail } from "@/features/mailbox/mailbox-email";
import { readQuery, trpc } from "@/trpc/server";

type Props = { params: Promise<{ id: string }> };

const emailOf = (id: string) => readQuery(trpc.mailbox.get.queryOptions({ id }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!mailboxEnabled()) return { title: "Not found" };
  const email = await emailOf((await params).id);
  return { title: email.ok ? `${email.data.subject} · Demo mailbox` : "Demo mailbox", robots: { index: false } };
}

/** One email of the demo mailbox: its HTML in a sandboxed frame, its plain text beside it (links work in both). */
export default async function Page({ params }: Props) {
  if (!mailboxEnabled()) notFound();
  const result = await emailOf((await params).id);
  return <MailboxEmail result={result} />;
}
