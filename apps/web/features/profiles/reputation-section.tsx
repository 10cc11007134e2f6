import Link from "next/link";
import { formatDate } from "@/lib/format";
import { Stars } from "./stars";
import type { FeedbackEntry, Reputation } from "./types";

// The reputation part of a profile (economy.md §10.5–10.6): the Job Success Score of a freelancer
// with its sentences and history, the average of stars, and the revealed feedback. Server
// components: nothing to click but links.

/** "88% Job Success" with its sentences, or why there is no score yet; then its history. */
export function JobSuccess({ jobSuccess }: { jobSuccess: NonNullable<Reputation["jobSuccess"]> }) {
  const { score, explanation, history } = jobSuccess;
  return (
    <section aria-labelledby="job-success-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="job-success-heading" className="text-base font-semibold text-slate-900">
        {score === null ? "No Job Success Score yet" : `${score}% Job Success`}
      </h2>
      {score !== null && (
        <div aria-hidden className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-200">
          <div className="h-full rounded-full bg-emerald-600" style={{ width: `${score}%` }} />
        </div>
      )}
      {explanation.length > 0 && (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
          {explanation.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
      <ScoreHistory history={history} />
    </section>
  );
}

/** The score over time: a small chart with its axes (0–100 %, dates), and the same figures as a list for screen readers. */
function ScoreHistory({ history }: { history: NonNullable<Reputation["jobSuccess"]>["history"] }) {
  const scored = history.filter((point): point is { score: number; computedAt: Date } => point.score !== null);
  if (scored.length === 0) return null;
  const sorted = [...scored].sort((a, b) => a.computedAt.getTime() - b.computedAt.getTime());
  const width = 320;
  const height = 120;
  const left = 32;
  const bottom = 20;
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - 8;
  const x = (index: number) => left + (sorted.length === 1 ? plotWidth / 2 : (index * plotWidth) / (sorted.length - 1));
  const y = (score: number) => 8 + plotHeight - (score * plotHeight) / 100;
  const path = sorted.map((point, index) => `${index === 0 ? "M" : "L"}${x(index).toFixed(1)},${y(point.score).toFixed(1)}`).join(" ");
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  return (
    <div className="mt-4">
      <h3 className="text-sm font-semibold text-slate-800">History</h3>
      <svg role="img" aria-label={`Job Success Score from ${formatDate(first.computedAt)} (${first.score}%) to ${formatDate(last.computedAt)} (${last.score}%)`} viewBox={`0 0 ${width} ${height}`} className="mt-1 h-auto w-full max-w-sm">
        {[0, 50, 100].map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - 8} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={left - 4} y={y(tick) + 4} textAnchor="end" fontSize="10" fill="#475569">
              {tick}%
            </text>
          </g>
        ))}
        <line x1={left} x2={left} y1={8} y2={8 + plotHeight} stroke="#94a3b8" />
        <line x1={left} x2={width - 8} y1={8 + plotHeight} y2={8 + plotHeight} stroke="#94a3b8" />
        <text x={left} y={height - 4} fontSize="10" fill="#475569">
          {formatDate(first.computedAt)}
        </text>
        {sorted.length > 1 && (
          <text x={width - 8} y={height - 4} textAnchor="end" fontSize="10" fill="#475569">
            {formatDate(last.computedAt)}
          </text>
        )}
        <path d={path} fill="none" stroke="#059669" strokeWidth="2" />
        {sorted.map((point, index) => (
          <circle key={point.computedAt.toISOString()} cx={x(index)} cy={y(point.score)} r="3" fill="#059669" />
        ))}
      </svg>
      <ul className="sr-only">
        {sorted.map((point) => (
          <li key={point.computedAt.toISOString()}>
            {formatDate(point.computedAt)}: {point.score}%
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The average of stars with its count and the feedback received, newest first as the read model gives it. */
export function FeedbackSection({ reputation, authorHref }: { reputation: Reputation; authorHref: (author: FeedbackEntry["author"]) => string }) {
  const { rating, feedback } = reputation;
  return (
    <section aria-labelledby="feedback-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="feedback-heading" className="text-base font-semibold text-slate-900">
          Reviews
        </h2>
        {rating.display === null ? (
          <p className="text-sm text-slate-600">No reviews yet</p>
        ) : (
          <p className="text-sm text-slate-800">
            <span aria-hidden className="text-amber-500">★ </span>
            <span className="font-semibold">{rating.display}</span> {rating.fromText}
          </p>
        )}
      </div>
      {feedback.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Reviews appear here once both sides of a contract have left feedback, or when the time for it has passed.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100" aria-label="Reviews">
          {feedback.map((entry) => (
            <FeedbackItem key={entry.id} entry={entry} authorHref={authorHref(entry.author)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FeedbackItem({ entry, authorHref }: { entry: FeedbackEntry; authorHref: string }) {
  return (
    <li className="space-y-2 py-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="font-medium text-slate-900 [overflow-wrap:anywhere]">{entry.contractTitle}</h3>
        <Stars value={entry.overall} />
      </div>
      <p className="text-xs text-slate-500">
        By{" "}
        <Link href={authorHref} className="text-brand-700 underline">
          {entry.author.name}
        </Link>
        {entry.contractEndedAt && <>, contract ended {formatDate(entry.contractEndedAt)}</>}
      </p>
      {entry.hidden && (
        <p role="note" className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">
          {entry.hidden.notice}
        </p>
      )}
      {entry.comment && <p className="whitespace-pre-line text-sm text-slate-800 [overflow-wrap:anywhere]">{entry.comment}</p>}
      {entry.facets.length > 0 && (
        <dl className="grid gap-x-4 gap-y-1 text-xs text-slate-600 sm:grid-cols-2">
          {entry.facets.map((facet) => (
            <div key={facet.facet} className="flex justify-between gap-2">
              <dt>{facet.label}</dt>
              <dd>{facet.stars} out of 5</dd>
            </div>
          ))}
        </dl>
      )}
      {entry.reply && (
        <div className="ml-4 border-l-2 border-slate-200 pl-3 text-sm text-slate-700">
          <p className="text-xs font-medium text-slate-500">
            Reply from {entry.subject.name}, {formatDate(entry.reply.at)}
          </p>
          <p className="whitespace-pre-line [overflow-wrap:anywhere]">{entry.reply.text}</p>
        </div>
      )}
    </li>
  );
}
