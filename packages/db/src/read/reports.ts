import { REPORT_ACTION_EFFECTS, REPORT_OBJECTS, REPORT_OUTCOME_WORDS, REPORT_REASONS, reportActionsFor, reportPriority, type ReportAction, type ReportObjectKind, type ReportReason } from "@fairlance/rules";
import type { Db } from "../client";
import { requireActor } from "../services/actor";
import { warningFor } from "../services/messages/thread";
import { loadSettings } from "../settings/load-settings";

const reasonLabel = (reason: string) => (reason in REPORT_REASONS ? REPORT_REASONS[reason as ReportReason].label : reason);

export interface MyReport {
  id: string;
  objectKind: ReportObjectKind;
  objectId: string;
  /** What was reported, as the reporter saw it ("the job “Logo”"); null when it no longer exists. */
  object: string | null;
  reason: string;
  reasonLabel: string;
  note: string;
  createdAt: Date;
  status: "OPEN" | "RESOLVED";
  /** The decision as the reporter reads it (never the owner's private details), or null while it waits. */
  outcome: { kind: keyof typeof REPORT_OUTCOME_WORDS; words: string; reason: string; at: Date } | null;
}

/** A person's reports, newest first (up to 100), with each one's status and, once decided, the outcome (economy.md §5.2). */
export async function listMyReports(db: Db, input: { actorId: string; now: Date }): Promise<MyReport[]> {
  await requireActor(db, input, ["CLIENT", "FREELANCER"], "see your reports");
  const reports = await db.report.findMany({ where: { reporterId: input.actorId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 100 });
  const described = await describeObjects(db, reports);
  return reports.map((r) => ({
    id: r.id,
    objectKind: r.objectKind,
    objectId: r.objectId,
    object: described.get(`${r.objectKind}:${r.objectId}`)?.described ?? null,
    reason: r.reason,
    reasonLabel: reasonLabel(r.reason),
    note: r.note,
    createdAt: r.createdAt,
    status: r.status,
    outcome: r.status === "RESOLVED" && r.outcome && r.resolvedAt ? { kind: r.outcome, words: REPORT_OUTCOME_WORDS[r.outcome], reason: r.outcomeReason ?? "", at: r.resolvedAt } : null,
  }));
}

interface Described {
  described: string;
  title: string;
  text: string;
  ownerId: string;
  removable: boolean;
  /** Where an admin reads it. */
  href: string | null;
  flags: string[];
  flagReviewed: boolean;
}

/** Each object's words, text and owner, a fixed number of queries whatever the count. */
async function describeObjects(db: Db, refs: readonly { objectKind: ReportObjectKind; objectId: string }[]): Promise<Map<string, Described>> {
  const ids = (kind: ReportObjectKind) => [...new Set(refs.filter((r) => r.objectKind === kind).map((r) => r.objectId))];
  const [jobs, proposals, messages, users] = await Promise.all([
    db.job.findMany({ where: { id: { in: ids("JOB") } }, select: { id: true, title: true, description: true, clientId: true, status: true } }),
    db.proposal.findMany({
      where: { id: { in: ids("PROPOSAL") } },
      select: { id: true, coverLetter: true, status: true, freelancerId: true, freelancer: { select: { name: true } }, job: { select: { id: true, title: true } } },
    }),
    db.message.findMany({ where: { id: { in: ids("MESSAGE") } }, select: { id: true, body: true, senderId: true, removedAt: true, flags: true, reviewedAt: true, sender: { select: { name: true } } } }),
    db.user.findMany({
      where: { id: { in: ids("PROFILE") } },
      select: { id: true, name: true, role: true, freelancerProfile: { select: { title: true, overview: true } }, clientProfile: { select: { companyName: true, description: true } } },
    }),
  ]);
  const map = new Map<string, Described>();
  const none = { flags: [], flagReviewed: false };
  for (const j of jobs) map.set(`JOB:${j.id}`, { described: `the job “${j.title}”`, title: j.title, text: j.description, ownerId: j.clientId, removable: j.status === "OPEN", href: `/admin/ledger?jobId=${j.id}`, ...none });
  for (const p of proposals)
    map.set(`PROPOSAL:${p.id}`, {
      described: `the proposal from ${p.freelancer.name} on “${p.job.title}”`,
      title: `Proposal on “${p.job.title}”`,
      text: p.coverLetter,
      ownerId: p.freelancerId,
      removable: ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING"].includes(p.status),
      href: `/admin/ledger?jobId=${p.job.id}`,
      ...none,
    });
  for (const m of messages)
    map.set(`MESSAGE:${m.id}`, {
      described: `a message from ${m.sender.name}`,
      title: `Message from ${m.sender.name}`,
      text: m.removedAt ? "" : m.body,
      ownerId: m.senderId,
      removable: m.removedAt === null,
      href: `/admin/moderation#flag-${m.id}`,
      flags: m.flags,
      flagReviewed: m.reviewedAt !== null,
    });
  for (const u of users)
    map.set(`PROFILE:${u.id}`, {
      described: `the profile of ${u.name}`,
      title: u.freelancerProfile?.title ? `${u.name} — ${u.freelancerProfile.title}` : (u.clientProfile?.companyName || u.name),
      text: u.freelancerProfile?.overview ?? u.clientProfile?.description ?? "",
      ownerId: u.id,
      removable: false,
      href: `/admin/people?user=${u.id}`,
      ...none,
    });
  return map;
}

export interface QueueReport {
  id: string;
  reporter: { id: string; name: string };
  reason: string;
  reasonLabel: string;
  note: string;
  createdAt: Date;
}

export interface ReportQueueItem {
  objectKind: ReportObjectKind;
  objectId: string;
  noun: string;
  title: string;
  /** The object's text (a job's description, a cover letter, a message, a profile's overview), at most 1,000 characters; empty when removed. */
  text: string;
  href: string | null;
  owner: { id: string; name: string; role: string; suspended: boolean; warnings: number };
  priority: number;
  /** The scam shield's matches on a message, with their labels (waiting flags only). */
  flags: { patternId: string; label: string }[];
  reports: QueueReport[];
  firstReportedAt: Date;
  /** What each action will do, said before the admin commits (in the page's order). */
  actions: { action: ReportAction; effect: string; available: boolean }[];
}

const QUEUE_SIZE = 50;

/**
 * The admins' queue of reports (economy.md §5.2): open reports grouped by object, with the scam
 * shield's waiting flags beside them (a flagged message with no report is in it too), highest
 * priority first (reportPriority), then the oldest first. The 50 first objects.
 */
export async function listReportQueue(db: Db, input: { actorId: string; now: Date }): Promise<ReportQueueItem[]> {
  await requireActor(db, input, "ADMIN", "see the reports");
  const [open, flaggedMessages, { settings }] = await Promise.all([
    db.report.findMany({
      where: { status: "OPEN" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 2_000,
      select: { id: true, objectKind: true, objectId: true, reason: true, note: true, createdAt: true, reporter: { select: { id: true, name: true } } },
    }),
    db.message.findMany({ where: { flags: { isEmpty: false }, reviewedAt: null, removedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 500, select: { id: true, createdAt: true } }),
    loadSettings(db, input.now),
  ]);
  const groups = new Map<string, { objectKind: ReportObjectKind; objectId: string; reports: typeof open; since: Date }>();
  for (const report of open) {
    const key = `${report.objectKind}:${report.objectId}`;
    const group = groups.get(key) ?? { objectKind: report.objectKind, objectId: report.objectId, reports: [], since: report.createdAt };
    group.reports.push(report);
    groups.set(key, group);
  }
  for (const message of flaggedMessages) {
    const key = `MESSAGE:${message.id}`;
    const group = groups.get(key) ?? { objectKind: "MESSAGE" as const, objectId: message.id, reports: [], since: message.createdAt };
    if (message.createdAt < group.since) group.since = message.createdAt;
    groups.set(key, group);
  }
  const refs = [...groups.values()];
  const described = await describeObjects(db, refs);
  const ownerIds = [...new Set([...described.values()].map((d) => d.ownerId))];
  const owners = new Map(
    (await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true, role: true, suspendedAt: true, _count: { select: { warnings: true } } } })).map((u) => [u.id, u]),
  );
  const items: ReportQueueItem[] = [];
  for (const group of refs) {
    const object = described.get(`${group.objectKind}:${group.objectId}`);
    const owner = object && owners.get(object.ownerId);
    if (!object || !owner) continue;
    const waitingFlags = object.flags.length > 0 && !object.flagReviewed;
    const shield = waitingFlags ? warningFor(object.flags, settings.scamShieldPatterns) : null;
    items.push({
      objectKind: group.objectKind,
      objectId: group.objectId,
      noun: REPORT_OBJECTS[group.objectKind].noun,
      title: object.title,
      text: object.text.slice(0, 1_000),
      href: object.href,
      owner: { id: owner.id, name: owner.name, role: owner.role, suspended: owner.suspendedAt !== null, warnings: owner._count.warnings },
      priority: reportPriority({ reasons: group.reports.map((r) => r.reason), flagged: waitingFlags }),
      flags: shield?.matches ?? [],
      reports: group.reports.map((r) => ({ id: r.id, reporter: r.reporter, reason: r.reason, reasonLabel: reasonLabel(r.reason), note: r.note, createdAt: r.createdAt })),
      firstReportedAt: group.since,
      actions: reportActionsFor(group.objectKind).map((action) => ({
        action,
        effect: REPORT_ACTION_EFFECTS[action][group.objectKind]!,
        available: action === "remove" ? object.removable : action === "suspend" ? owner.suspendedAt === null : true,
      })),
    });
  }
  items.sort((a, b) => b.priority - a.priority || a.firstReportedAt.getTime() - b.firstReportedAt.getTime() || a.objectId.localeCompare(b.objectId));
  return items.slice(0, QUEUE_SIZE);
}
