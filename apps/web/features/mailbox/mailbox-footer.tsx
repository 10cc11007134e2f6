import Link from "next/link";

/** On every page of a demo server (no SMTP_URL, not production): where its emails can be read. No JavaScript. */
export function DemoMailboxFooter() {
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <p className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-600">
        Demo server: no email leaves it.{" "}
        <Link href="/mailbox" className="font-medium text-brand-700 underline">
          Open the demo mailbox
        </Link>{" "}
        to read every email it wrote.
      </p>
    </footer>
  );
}
