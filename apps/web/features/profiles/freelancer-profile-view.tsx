import Link from "next/link";
import type { ReactNode } from "react";
import { LANGUAGE_LEVEL_LABELS, type LanguageLevel } from "@fairlance/rules";
import { Money } from "@/components/money";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { initials } from "./initials";
import type { FreelancerProfile } from "./types";

// A freelancer's public profile (economy.md §10.1), drawn on the server: it has nothing to click
// but links, so it sends no JavaScript of its own. The reputation and the client's actions are
// placed beside it by the page.

/** The head of the profile: photo, name, title, rate, location and local time, availability. */
export function FreelancerHeader({ profile, actions }: { profile: FreelancerProfile; actions?: ReactNode }) {
  return (
    <header className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:flex-row sm:items-start">
      <Avatar url={profile.avatarUrl} name={profile.name} />
      <div className="min-w-0 flex-1 space-y-1">
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">{profile.name}</h1>
        {profile.title ? <p className="text-lg text-slate-800 [overflow-wrap:anywhere]">{profile.title}</p> : <p className="text-slate-500">No title yet</p>}
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
          {profile.hourlyRateMinor !== null && (
            <li>
              <span className="font-semibold text-slate-900">{formatMoney(profile.hourlyRateMinor)}</span> an hour
            </li>
          )}
          {profile.location && <li>{profile.location}</li>}
          {profile.timeZone && (
            <li>
              {profile.timeZone.localTime} local time ({profile.timeZone.offset})
            </li>
          )}
        </ul>
        <p className={`text-sm font-medium ${profile.availability === "NOT_AVAILABLE" ? "text-slate-500" : "text-emerald-700"}`}>{profile.availabilityLabel}</p>
      </div>
      {actions && <div className="flex shrink-0 flex-col gap-2 sm:items-end">{actions}</div>}
    </header>
  );
}

export function Avatar({ url, name, size = 96 }: { url: string | null; name: string; size?: number }) {
  return url ? (
    // eslint-disable-next-line @next/next/no-img-element -- our own /files route serves a 400 × 400 WebP
    <img src={url} alt={`Photo of ${name}`} width={size} height={size} className="shrink-0 rounded-full border border-slate-200 object-cover" style={{ width: size, height: size }} />
  ) : (
    <div aria-hidden className="flex shrink-0 items-center justify-center rounded-full bg-slate-200 text-2xl font-semibold text-slate-600" style={{ width: size, height: size }}>
      {initials(name)}
    </div>
  );
}

/** The figures beside the profile: total earned, contracts completed, member since, languages. */
export function FreelancerFacts({ profile }: { profile: FreelancerProfile }) {
  return (
    <Panel title="At a glance" id="facts">
      <dl className="space-y-2 text-sm">
        <Row label="Total earned">
          <Money minor={profile.totalEarnedMinor} />
        </Row>
        <Row label="Contracts completed">{profile.contractsCompleted}</Row>
        <Row label="Member since">{formatDate(profile.memberSince)}</Row>
      </dl>
      <h3 className="mt-4 text-sm font-semibold text-slate-800">Languages</h3>
      {profile.languages.length === 0 ? (
        <p className="text-sm text-slate-500">None listed</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {profile.languages.map((entry) => (
            <li key={entry.language} className="flex justify-between gap-2">
              <span>{entry.language}</span>
              <span className="text-slate-600">{LANGUAGE_LEVEL_LABELS[entry.level as LanguageLevel] ?? entry.level}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** Overview, skills and portfolio: what the freelancer does. */
export function FreelancerWork({ profile }: { profile: FreelancerProfile }) {
  return (
    <>
      <Panel title="Overview" id="overview">
        {profile.overview ? <p className="whitespace-pre-line text-sm text-slate-800 [overflow-wrap:anywhere]">{profile.overview}</p> : <p className="text-sm text-slate-500">No overview yet.</p>}
        {profile.skills.length > 0 && (
          <>
            <h3 className="mt-4 text-sm font-semibold text-slate-800">Skills</h3>
            <ul className="mt-2 flex flex-wrap gap-2" aria-label="Skills">
              {profile.skills.map((skill) => (
                <li key={skill} className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-700">
                  {skill}
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>
      <Panel title="Portfolio" id="portfolio">
        {profile.portfolio.length === 0 ? (
          <p className="text-sm text-slate-500">No portfolio items yet.</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {profile.portfolio.map((item) => (
              <li key={item.id} className="min-w-0 overflow-hidden rounded-md border border-slate-200">
                {item.imageUrl && (
                  // eslint-disable-next-line @next/next/no-img-element -- our own /files route serves the WebP
                  <img src={item.imageUrl} alt={item.title} width={400} height={300} loading="lazy" className="aspect-[4/3] h-auto w-full bg-slate-100 object-cover" />
                )}
                <div className="space-y-1 p-3">
                  <h3 className="font-semibold text-slate-900 [overflow-wrap:anywhere]">{item.title}</h3>
                  {item.description && <p className="whitespace-pre-line text-sm text-slate-700 [overflow-wrap:anywhere]">{item.description}</p>}
                  {item.link && (
                    <a href={item.link} rel="noopener nofollow ugc" target="_blank" className="block text-sm text-brand-700 underline [overflow-wrap:anywhere]">
                      See the work<span className="sr-only"> for {item.title} (opens in a new tab)</span>
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

/** Employment and education: where the freelancer comes from. */
export function FreelancerHistory({ profile }: { profile: FreelancerProfile }) {
  return (
    <>
      <Panel title="Employment" id="employment">
        {profile.employment.length === 0 ? (
          <p className="text-sm text-slate-500">No employment listed.</p>
        ) : (
          <ul className="space-y-3">
            {profile.employment.map((entry) => (
              <li key={entry.id}>
                <h3 className="font-medium text-slate-900 [overflow-wrap:anywhere]">
                  {entry.role} at {entry.company}
                </h3>
                <p className="text-xs text-slate-500">{entry.period}</p>
                {entry.description && <p className="mt-1 whitespace-pre-line text-sm text-slate-700 [overflow-wrap:anywhere]">{entry.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title="Education" id="education">
        {profile.education.length === 0 ? (
          <p className="text-sm text-slate-500">No education listed.</p>
        ) : (
          <ul className="space-y-3">
            {profile.education.map((entry) => (
              <li key={entry.id}>
                <h3 className="font-medium text-slate-900 [overflow-wrap:anywhere]">{entry.school}</h3>
                <p className="text-xs text-slate-500">
                  {entry.degree ? `${entry.degree}, ` : ""}
                  {entry.period}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

export function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-heading`} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-2">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-right font-medium text-slate-900">{children}</dd>
    </div>
  );
}

/** A link for the owner to their editing page. */
export function EditYourProfile() {
  return (
    <Link href="/profile" className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
      Edit your profile
    </Link>
  );
}
