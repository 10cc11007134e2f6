"use client";

import { FACET_LABELS, FEEDBACK_FACETS, TEXT_RULES, type FeedbackSide } from "@fairlance/rules";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch, type Path, type UseFormReturn } from "react-hook-form";
import { Alert, Button, Choices, FormAlert, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { parseOneText, serverProblems, showServerProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { errorOf, FormTextArea } from "@/features/shared/form-fields";
import { PersonLink } from "@/features/shared/person-link";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate, formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { FEEDBACK_SERVER_FIELDS, feedbackFormValues, parseFeedbackForm, starsText, type FeedbackFormValues, type FeedbackInput } from "./feedback-form-values";
import type { ContractView, RouterOutputs } from "./types";
import { useAfterSuccess } from "./use-after-success";

type ContractFeedback = RouterOutputs["feedback"]["forContract"];
type FeedbackEntry = NonNullable<ContractFeedback["mine"]>;

const STAR_CHOICES = [1, 2, 3, 4, 5] as const;

/**
 * The contract's feedback once it has ended (economy.md §10.2–10.4): the form while the window is
 * open and mine is not left; mine (with Edit) while it is blind; both once revealed, with one reply
 * to the one about me. `#feedback` is its anchor (the dashboard's "Feedback to leave" links here).
 */
export function FeedbackPanel({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.feedback.forContract.queryOptions({ contractId: contract.id }));
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const side: FeedbackSide = contract.viewerRole;
  const other = side === "CLIENT" ? contract.freelancer : contract.client;
  const otherRole = side === "CLIENT" ? "FREELANCER" : "CLIENT";
  const firstName = other.name.split(" ")[0] ?? other.name;
  return (
    <section id="feedback" aria-labelledby="feedback-heading" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="feedback-heading" className="mb-3 text-base font-semibold text-slate-900">
        Feedback
      </h2>
      <div aria-live="polite">{notice && <Alert tone="success">{notice}</Alert>}</div>
      {query.isPending ? (
        <div aria-busy="true" className="space-y-2">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-24 w-full" />
        </div>
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : (
        <div className="space-y-5 text-sm">
          <p className="text-slate-700" data-testid="feedback-status">
            {query.data.status}
          </p>
          {query.data.can.leave.ok || (editing && query.data.mine && query.data.can.edit.ok) ? (
            <FeedbackForm
              contractId={contract.id}
              side={side}
              about={other.name}
              mine={editing ? query.data.mine : null}
              onDone={(text) => {
                setEditing(false);
                setNotice(text);
              }}
              onCancel={editing ? () => setEditing(false) : undefined}
              blindSentence={
                query.data.closesAt &&
                `${firstName} will see your feedback once you have both left yours, or on ${formatDateTime(query.data.closesAt)} when the window closes; until then you can change it.`
              }
            />
          ) : query.data.mine ? (
            <div className="space-y-2">
              <FeedbackEntryView entry={query.data.mine} heading={<>Your feedback about {other.name}</>} />
              {!query.data.revealed && query.data.closesAt && (
                <p className="text-slate-600">
                  {firstName} will see it once you have both left yours, or on {formatDateTime(query.data.closesAt)} when the window closes.
                  {query.data.can.edit.ok && " Until then you can change it."}
                </p>
              )}
              {query.data.can.edit.ok && (
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => {
                    setNotice(null);
                    setEditing(true);
                  }}
                >
                  Edit your feedback
                </Button>
              )}
            </div>
          ) : (
            <p className="text-slate-600">{query.data.can.leave.reason}</p>
          )}
          {query.data.theirs && (
            <div className="space-y-2 border-t border-slate-200 pt-4">
              <FeedbackEntryView
                entry={query.data.theirs}
                heading={
                  <>
                    <PersonLink role={otherRole} person={other} />
                    &apos;s feedback about you
                  </>
                }
              />
              {query.data.can.reply.ok && <ReplyForm feedbackId={query.data.theirs.id} onDone={setNotice} />}
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** One feedback: stars as text, each facet, the comment (or the hidden notice), the private note for its author, the reply. */
export function FeedbackEntryView({ entry, heading }: { entry: FeedbackEntry; heading: React.ReactNode }) {
  return (
    <article className="space-y-2" aria-label={`Feedback from ${entry.author.name}`}>
      <h3 className="font-semibold text-slate-900">{heading}</h3>
      <p>
        <span aria-hidden className="text-amber-500">
          {"★".repeat(entry.overall)}
          <span className="text-slate-300">{"★".repeat(5 - entry.overall)}</span>
        </span>{" "}
        <strong>{starsText(entry.overall)}</strong> overall
        <span className="text-slate-500"> · left {formatDate(entry.submittedAt)}</span>
      </p>
      <dl className="grid grid-cols-[auto_auto] justify-start gap-x-4 gap-y-0.5 text-slate-700">
        {entry.facets.map((facet) => (
          <div key={facet.facet} className="contents">
            <dt>{facet.label}</dt>
            <dd>{starsText(facet.stars)}</dd>
          </div>
        ))}
      </dl>
      {entry.hidden ? (
        <p className="rounded bg-slate-100 px-3 py-2 text-slate-700">{entry.hidden.notice}</p>
      ) : (
        <blockquote className="whitespace-pre-line break-words border-l-4 border-slate-200 pl-3 text-slate-800">{entry.comment}</blockquote>
      )}
      {entry.privateNote && (
        <p className="break-words text-slate-600">
          <span className="font-medium">Private note (only Fairlance reads this):</span> {entry.privateNote}
        </p>
      )}
      {entry.reply && (
        <div className="ml-4 space-y-1 border-l-4 border-brand-100 pl-3">
          <p className="font-medium text-slate-900">
            Reply from {entry.subject.name} <span className="font-normal text-slate-500">· {formatDate(entry.reply.at)}</span>
          </p>
          <p className="whitespace-pre-line break-words text-slate-800">{entry.reply.text}</p>
        </div>
      )}
    </article>
  );
}

/** 1 to 5 stars on radio buttons, each with its visible label, and "4 out of 5" once chosen. */
function StarsField({ form, name, id, legend }: { form: UseFormReturn<FeedbackFormValues, unknown, FeedbackInput>; name: Path<FeedbackFormValues>; id: string; legend: string }) {
  const value = useWatch({ control: form.control, name }) as string | undefined;
  return (
    <Choices id={id} legend={legend} error={errorOf(form, name)} hint={value ? starsText(value) : "Choose 1 to 5 stars."} className="flex flex-wrap gap-x-4 gap-y-1">
      {STAR_CHOICES.map((stars) => (
        <label key={stars} className="flex items-center gap-1.5">
          <input type="radio" value={String(stars)} {...form.register(name)} />
          {stars === 1 ? "1 star" : `${stars} stars`}
        </label>
      ))}
    </Choices>
  );
}

function FeedbackForm({
  contractId,
  side,
  about,
  mine,
  blindSentence,
  onDone,
  onCancel,
}: {
  contractId: string;
  side: FeedbackSide;
  about: string;
  mine: FeedbackEntry | null;
  blindSentence: string | null;
  onDone: (notice: string) => void;
  onCancel?: () => void;
}) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm(parseFeedbackForm(side), feedbackFormValues(side, mine));
  const leave = useMutation(trpc.feedback.leave.mutationOptions());
  const edit = useMutation(trpc.feedback.edit.mutationOptions());
  const mutation = mine ? edit : leave;
  useOnEdit(form, () => {
    mutation.reset();
    renew();
  });
  const onError = (error: unknown) => showServerProblems(form, error, FEEDBACK_SERVER_FIELDS);
  const submit = (input: FeedbackInput) => {
    const succeeded = async (revealed: boolean) => {
      onDone(revealed ? "Your feedback is saved, and both are now revealed." : mine ? "Your feedback is changed." : "Your feedback is saved. It stays blind until you have both left yours.");
      await done();
    };
    if (mine) edit.mutate({ idempotencyKey: key, feedbackId: mine.id, ...input }, { onError, onSuccess: () => succeeded(false) });
    else leave.mutate({ idempotencyKey: key, contractId, ...input }, { onError, onSuccess: (left) => succeeded(left.revealedAt !== null) });
  };
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-4" aria-label={mine ? "Change your feedback" : "Leave feedback"}>
      <h3 className="font-semibold text-slate-900">{mine ? `Change your feedback about ${about}` : `Leave feedback about ${about}`}</h3>
      {blindSentence && <p className="rounded-md bg-sky-50 px-3 py-2 text-sky-900">{blindSentence}</p>}
      <StarsField form={form} name="overall" id="feedback-overall" legend="Overall" />
      <div className="space-y-3">
        {FEEDBACK_FACETS[side].map((facet) => (
          <StarsField key={facet} form={form} name={`facets.${facet}`} id={`feedback-${facet}`} legend={FACET_LABELS[facet]} />
        ))}
      </div>
      <FormTextArea
        form={form}
        name="comment"
        id="feedback-comment"
        label="Public comment"
        hint={`Everyone who reads ${about}'s profile sees it; no contact details. At least ${TEXT_RULES.feedbackComment.min} characters.`}
        rows={4}
        limit={TEXT_RULES.feedbackComment.max}
      />
      <FormTextArea
        form={form}
        name="privateNote"
        id="feedback-private-note"
        label="Private note (optional)"
        hint="Only Fairlance reads this."
        rows={2}
        limit={TEXT_RULES.feedbackPrivateNote.max}
      />
      <FormAlert message={serverProblems(mutation.error, FEEDBACK_SERVER_FIELDS).alert} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Sending…" : mine ? "Save changes" : "Submit feedback"}
        </Button>
        {onCancel && (
          <Button type="button" variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

/** The rated person's one public reply to revealed feedback about them (economy.md §10.4). */
function ReplyForm({ feedbackId, onDone }: { feedbackId: string; onDone: (notice: string) => void }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm(parseOneText(TEXT_RULES.feedbackReply), { text: "" });
  const reply = useMutation(trpc.feedback.reply.mutationOptions());
  const map = { fields: { reply: "text" as const } };
  useOnEdit(form, () => {
    reply.reset();
    renew();
  });
  return (
    <form
      noValidate
      className="space-y-3"
      aria-label="Reply to this feedback"
      onSubmit={form.handleSubmit((text) =>
        reply.mutate(
          { idempotencyKey: key, feedbackId, reply: text },
          {
            onError: (error) => showServerProblems(form, error, map),
            onSuccess: async () => {
              onDone("Your reply is published.");
              await done();
            },
          },
        ),
      )}
    >
      <FormTextArea form={form} name="text" id="feedback-reply" label="Your public reply" hint="You can reply once; everyone who reads the feedback sees it." rows={3} limit={TEXT_RULES.feedbackReply.max} />
      <FormAlert message={serverProblems(reply.error, map).alert} />
      <Button type="submit" disabled={reply.isPending}>
        {reply.isPending ? "Sending…" : "Publish reply"}
      </Button>
    </form>
  );
}
