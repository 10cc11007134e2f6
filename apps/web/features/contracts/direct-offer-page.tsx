"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, Field } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { FIELD_TEXT, formatCount } from "@fairlance/rules";
import { formatDate } from "@/lib/format";
import { readMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { MilestoneEditor, readMilestones, type MilestoneRow } from "./milestone-editor";
import { useAfterSuccess } from "./use-after-success";

type Terms = { type: "FIXED"; milestones: { title: string; amountMinor: bigint }[] } | { type: "HOURLY"; weeklyLimitHours: number; hourlyRateMinor: bigint };

function readTerms(type: "FIXED" | "HOURLY", rows: MilestoneRow[], rate: string, limit: string): { ok: true; terms: Terms } | { ok: false; error: string } {
  if (type === "FIXED") {
    const parsed = readMilestones(rows);
    return parsed.ok ? { ok: true, terms: { type, milestones: parsed.milestones } } : parsed;
  }
  const money = readMoney(rate);
  if (!money.ok) return { ok: false, error: `Hourly rate: ${money.error}` };
  if (!/^\d+$/.test(limit.trim())) return { ok: false, error: FIELD_TEXT.weeklyLimitWholeHours };
  return { ok: true, terms: { type, hourlyRateMinor: money.minor, weeklyLimitHours: Number(limit) } };
}

/**
 * A direct offer to a freelancer without a job: by link (?freelancerId=…), or picked from the
 * people the client has dealt with or found by name. Never by email: looking one up would tell
 * anyone whether that address has an account.
 */
export function DirectOfferPage({ freelancerId: linked }: { freelancerId?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [picked, setPicked] = useState<string | undefined>(linked);
  const freelancerId = picked;
  const target = useQuery({ ...trpc.contract.offerTarget.queryOptions({ freelancerId: freelancerId ?? "" }), enabled: Boolean(freelancerId) });
  const [title, setTitle] = useState("");
  const [type, setType] = useState<"FIXED" | "HOURLY">("FIXED");
  const [rows, setRows] = useState<MilestoneRow[]>([{ title: "", amount: "" }]);
  const [rate, setRate] = useState("");
  const [limit, setLimit] = useState("20");
  const [error, setError] = useState<string>();
  const offer = useMutation(trpc.contract.offer.mutationOptions({ onSuccess: async (result) => { await done(); router.push(`/contracts/${result.contractId}`); } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target.data) return setError("Choose the freelancer first.");
    const terms = readTerms(type, rows, rate, limit);
    if (!terms.ok) return setError(terms.error);
    setError(undefined);
    offer.mutate({ idempotencyKey: key, freelancerId: target.data.id, title, terms: terms.terms });
  };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Make a direct offer</h1>
      <Card title="Freelancer">
        {!linked && <FreelancerPicker selected={picked} onPick={setPicked} />}
        <div aria-live="polite" className="mt-2">
          {target.isError && <ErrorAlert error={target.error} />}
          {target.data && <p className="text-sm">Offer to <strong data-testid="offer-target">{target.data.name}</strong></p>}
        </div>
      </Card>
      <Card title="Terms">
        <form onSubmit={submit} className="space-y-4">
          <Field label="Contract title" id="offer-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
          <fieldset className="flex gap-4 text-sm">
            <legend className="mb-1 font-semibold">Type</legend>
            {(["FIXED", "HOURLY"] as const).map((option) => (
              <label key={option} className="flex items-center gap-1">
                <input type="radio" name="offer-type" checked={type === option} onChange={() => setType(option)} /> {option === "FIXED" ? "Fixed price" : "Hourly"}
              </label>
            ))}
          </fieldset>
          {type === "FIXED" ? (
            <MilestoneEditor rows={rows} onChange={setRows} />
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Hourly rate (USD)" id="offer-rate" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} required />
              <Field label="Weekly limit (hours)" id="offer-limit" inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} required />
            </div>
          )}
          {error && <Alert>{error}</Alert>}
          <p className="text-sm text-slate-600">Sending the offer charges nothing; the freelancer accepts or declines it.</p>
          <Button type="submit" disabled={offer.isPending}>{offer.isPending ? "Sending…" : "Send offer"}</Button>
          <div aria-live="polite"><ErrorAlert error={offer.error} /></div>
        </form>
      </Card>
    </div>
  );
}

/** The people a client has dealt with, or those whose name matches a search; one is picked. */
function FreelancerPicker({ selected, onPick }: { selected?: string; onPick: (id: string) => void }) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const candidates = useQuery(trpc.contract.offerCandidates.queryOptions(query ? { query } : {}));
  return (
    <div className="space-y-2">
      <form onSubmit={(e) => { e.preventDefault(); setQuery(text.trim()); }} className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1"><Field label="Find a freelancer by name" id="offer-search" value={text} onChange={(e) => setText(e.target.value)} /></div>
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      <p className="text-xs text-slate-600">{query ? `Freelancers whose name contains "${query}".` : "People who have applied to your jobs, were invited to them, or worked with you."}</p>
      {candidates.isError && <ErrorAlert error={candidates.error} />}
      {candidates.data?.length === 0 && <p className="text-sm text-slate-600">{query ? "Nobody matches that name." : "Nobody yet: search by name."}</p>}
      {candidates.data && candidates.data.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Freelancers">
          {candidates.data.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 p-2 text-sm">
              <span>
                <strong>{c.name}</strong>
                <span className="ml-2 text-xs text-slate-600">
                  member since {formatDate(c.memberSince)}
                  {c.contractsWithYou > 0 && ` · ${formatCount(c.contractsWithYou, "contract")} with you`}
                  {c.proposalsToYou > 0 && ` · ${formatCount(c.proposalsToYou, "proposal")} to your jobs`}
                </span>
              </span>
              <Button variant="secondary" onClick={() => onPick(c.id)} aria-pressed={selected === c.id}>{selected === c.id ? "Chosen" : "Choose"}</Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
