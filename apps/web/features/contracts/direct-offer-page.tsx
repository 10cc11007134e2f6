"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Button, Card, FormAlert } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { FreelancerSummary } from "@/features/shared/freelancer-summary";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField, FormRadios } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { TEXT_RULES, formatCount } from "@fairlance/rules";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { MilestoneEditor, readTerms, type TermsValues } from "./milestone-editor";
import { useAfterSuccess } from "./use-after-success";

type OfferValues = TermsValues;

/** The offer as `contract.offer` takes it (the freelancer is chosen above the form). */
function parseOffer(values: OfferValues) {
  const check = problemsOf<OfferValues>();
  const title = check.take("title", readText(values.title, TEXT_RULES.offerTitle));
  const terms = readTerms(values, { withRate: true }, check);
  return terms.ok ? { ok: true as const, value: { title: title!, terms: terms.value } } : terms;
}

const SERVER_FIELDS: ServerFields<OfferValues> = { fields: { title: "title" } };

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
  const form = useRulesForm(parseOffer, { title: "", type: "FIXED", milestones: [{ title: "", amount: "" }], rate: "", limit: "20" });
  const type = useWatch({ control: form.control, name: "type" });
  const [noFreelancer, setNoFreelancer] = useState(false);
  const offer = useMutation(trpc.contract.offer.mutationOptions({ onSuccess: async (result) => { await done(); router.push(`/contracts/${result.contractId}`); } }));
  useOnEdit(form, () => { offer.reset(); renew(); });

  const submit = form.handleSubmit(({ title, terms }) => {
    setNoFreelancer(!target.data);
    if (target.data) offer.mutate({ idempotencyKey: key, freelancerId: target.data.id, title, terms }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) });
  });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Make a direct offer</h1>
      <Card title="Freelancer">
        {!linked && <FreelancerPicker selected={picked} onPick={(id) => { setPicked(id); setNoFreelancer(false); }} />}
        <div aria-live="polite" className="mt-2">
          {target.isError && <ErrorAlert error={target.error} />}
          {target.data && (
            <div className="space-y-2">
              <p className="text-sm">Offer to <strong data-testid="offer-target">{target.data.name}</strong></p>
              <FreelancerSummary freelancer={target.data} />
            </div>
          )}
          {noFreelancer && !target.data && <p className="text-xs text-red-700">Choose the freelancer first.</p>}
        </div>
      </Card>
      <Card title="Terms">
        <form onSubmit={submit} noValidate className="space-y-4">
          <FormField form={form} name="title" label="Contract title" id="offer-title" limit={TEXT_RULES.offerTitle.max} />
          <FormRadios form={form} name="type" id="offer-type" legend="Type" options={[{ value: "FIXED", label: "Fixed price" }, { value: "HOURLY", label: "Hourly" }]} />
          {type === "FIXED" ? (
            <MilestoneEditor form={form} />
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              <FormField form={form} name="rate" label="Hourly rate (USD)" id="offer-rate" inputMode="decimal" />
              <FormField form={form} name="limit" label="Weekly limit (hours)" id="offer-limit" inputMode="numeric" />
            </div>
          )}
          <p className="text-sm text-slate-600">Sending the offer charges nothing; the freelancer accepts or declines it.</p>
          <Button type="submit" disabled={offer.isPending}>{offer.isPending ? "Sending…" : "Send offer"}</Button>
          <div aria-live="polite"><FormAlert message={serverProblems(offer.error, SERVER_FIELDS).alert} /></div>
        </form>
      </Card>
    </div>
  );
}

/** The people a client has dealt with, or those whose name matches a search; one is picked. */
function FreelancerPicker({ selected, onPick }: { selected?: string; onPick: (id: string) => void }) {
  const trpc = useTRPC();
  const search = useRulesForm((values: { name: string }) => ({ ok: true as const, value: values.name.trim() }), { name: "" });
  const [query, setQuery] = useState("");
  const candidates = useQuery(trpc.contract.offerCandidates.queryOptions(query ? { query } : {}));
  return (
    <div className="space-y-2">
      <form onSubmit={search.handleSubmit(setQuery)} noValidate className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1"><FormField form={search} name="name" label="Find a freelancer by name" id="offer-search" /></div>
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
