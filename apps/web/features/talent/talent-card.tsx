import Link from "next/link";
import type { ReactNode } from "react";
import { starsText } from "./talent-filter-values";

/** A freelancer as talent search, the saved list and the invite panel show them (ZTalentCard). */
export interface TalentCardData {
  id: string;
  name: string;
  title: string;
  location: string;
  skills: string[];
  avatarUrl: string | null;
  jobSuccessScore: number | null;
  rating: { display: string | null; fromText: string };
  display: { rate: string | null; jobSuccess: string; earned: string; availability: string };
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");

/** The photo, or the initials in its place (the name is written beside it, so the image says nothing more). */
export function Avatar({ name, url, size = 56 }: { name: string; url: string | null; size?: number }) {
  const box = { width: size, height: size };
  return url ? (
    // Served from /files as WebP at 400 × 400 (CONTRIBUTING.md, "Files and images"): no resizing service to go through.
    // eslint-disable-next-line @next/next/no-img-element
    <img src={url} alt="" style={box} width={size} height={size} loading="lazy" className="shrink-0 rounded-full border border-slate-200 object-cover" />
  ) : (
    <span aria-hidden style={box} className="flex shrink-0 items-center justify-center rounded-full bg-brand-50 text-lg font-semibold text-brand-800">
      {initials(name)}
    </span>
  );
}

/**
 * One freelancer's card: photo, name (a link to the profile), title, rate, Job Success Score, stars
 * as text ("4.8 out of 5 from 12 reviews"), earnings, location, availability and skills; `children`
 * are the card's actions and notes (invite, save, "You invited …").
 */
export function TalentCard({ freelancer, headingLevel = 3, children }: { freelancer: TalentCardData; headingLevel?: 2 | 3; children?: ReactNode }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { display } = freelancer;
  return (
    <article aria-labelledby={`talent-${freelancer.id}`} className="flex gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:gap-4">
      <Avatar name={freelancer.name} url={freelancer.avatarUrl} size={48} />
      <div className="min-w-0 flex-1 space-y-1">
        <Heading id={`talent-${freelancer.id}`} className="text-base font-semibold">
          <Link href={`/freelancers/${freelancer.id}`} className="text-brand-700 hover:underline">{freelancer.name}</Link>
        </Heading>
        <p className="text-sm text-slate-800">{freelancer.title || <span className="text-slate-500">No title yet</span>}</p>
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
          <span className="font-semibold text-slate-900">{display.rate ?? "No rate set"}</span>
          <span className={freelancer.jobSuccessScore !== null ? "font-medium text-emerald-800" : "text-slate-500"}>{display.jobSuccess}</span>
          <span>
            {freelancer.rating.display && <span aria-hidden className="text-amber-600">★ </span>}
            {starsText(freelancer.rating)}
          </span>
          <span>{display.earned}</span>
          {freelancer.location && <span>{freelancer.location}</span>}
        </p>
        <p className="text-xs text-slate-500">{display.availability}</p>
        {freelancer.skills.length > 0 && (
          <ul className="flex flex-wrap gap-1 pt-1" aria-label={`Skills of ${freelancer.name}`}>
            {freelancer.skills.map((skill) => <li key={skill} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{skill}</li>)}
          </ul>
        )}
        {children && <div className="space-y-2 pt-2">{children}</div>}
      </div>
    </article>
  );
}
