import { formatDate } from "@/lib/format";
import { ReportButton } from "@/features/reports/report-button";
import { AttachmentList } from "./attachments";

interface Item {
  id: string;
  body: string;
  createdAt: Date;
  mine: boolean;
  warning: { message: string; matches: { patternId: string; label: string }[] } | null;
  /** Removed by an admin (economy.md §5); the reason is given to its sender only. */
  removed: { at: Date; reason: string | null } | null;
  /** Files sent with it, with their download links. */
  attachments?: readonly { id: string; fileName: string; contentType: string; sizeBytes: number; url: string }[];
}

const time = new Intl.DateTimeFormat("en-US", { timeStyle: "short", timeZone: "UTC" });

export function MessageItem({ message }: { message: Item }) {
  return (
    <li className={`flex flex-col ${message.mine ? "items-end" : "items-start"}`}>
      {message.warning && (
        <div role="alert" className="mb-1 max-w-prose rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <strong className="font-semibold">Scam shield: </strong>
          {message.warning.message}
        </div>
      )}
      {message.removed ? (
        <div className="max-w-prose rounded-lg border border-dashed border-slate-300 px-3 py-2 text-sm italic text-slate-600">
          <p>{message.mine ? "Your message was removed by Fairlance" : "This message was removed by Fairlance"}{message.removed.reason ? `: ${message.removed.reason}` : "."}</p>
        </div>
      ) : (
        <div className={`max-w-prose rounded-lg px-3 py-2 text-sm ${message.mine ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-900"}`}>
          <p className="whitespace-pre-line break-words">{message.body}</p>
          <AttachmentList files={message.attachments ?? []} tone={message.mine ? "dark" : "light"} />
        </div>
      )}
      <span className="mt-0.5 text-xs text-slate-500">
        {message.mine ? "You" : "Them"} · {formatDate(message.createdAt)} {time.format(message.createdAt)} UTC
      </span>
      {!message.mine && !message.removed && (
        <div className="mt-1">
          <ReportButton objectKind="MESSAGE" objectId={message.id} noun="message" />
        </div>
      )}
    </li>
  );
}
