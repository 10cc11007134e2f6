"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { PROFILE_LIMITS, TEXT_RULES } from "@fairlance/rules";
import { Alert, Button, EmptyState, FormAlert } from "@/components/ui";
import { errorText } from "@/features/shared/error-text";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField, FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { ConfirmRemove } from "./confirm-remove";
import { ImageFileField, chosenFile } from "./image-file-field";
import { EMPTY_PORTFOLIO, parsePortfolio, type PortfolioInput, type PortfolioValues } from "./profile-values";

interface Item {
  id: string;
  title: string;
  description: string;
  link: string | null;
  imageUrl: string | null;
}

const SERVER_FIELDS: ServerFields<PortfolioValues> = { fields: { title: "title", description: "description", link: "link" } };
export const PORTFOLIO_IMAGE_HINT = "A JPEG, PNG or WebP of at least 400 × 300 pixels (either way round) and at most 5 MB.";

/** The portfolio: each item with its image, edited, moved up or down, removed; a form to add one more (up to 12). */
export function PortfolioEditor({ items }: { items: Item[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.profile.pathFilter());
  const reorder = useMutation(trpc.profile.reorderPortfolio.mutationOptions({ onSuccess: refresh }));
  const [adding, setAdding] = useState(false);
  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((item) => item.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    reorder.mutate({ portfolioItemIds: ids });
  };
  const full = items.length >= PROFILE_LIMITS.maxPortfolioItems;

  return (
    <div className="space-y-4">
      {items.length === 0 && !adding && <EmptyState title="No portfolio items yet">Show a piece of work you are proud of: a title, a few lines and an image.</EmptyState>}
      <ol className="space-y-4" aria-label="Your portfolio items">
        {items.map((item, index) => (
          <li key={item.id} className="rounded-md border border-slate-200 p-4">
            <PortfolioItemRow item={item} />
            <div className="mt-3 flex flex-wrap gap-2">
              <Button type="button" variant="secondary" disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)} aria-label={`Move up: ${item.title}`}>
                Move up
              </Button>
              <Button type="button" variant="secondary" disabled={index === items.length - 1 || reorder.isPending} onClick={() => move(index, 1)} aria-label={`Move down: ${item.title}`}>
                Move down
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <div aria-live="polite">{reorder.error && <Alert>{errorText(reorder.error)}</Alert>}</div>
      {full ? (
        <p className="text-sm text-slate-600">{PROFILE_LIMITS.tooManyPortfolio}</p>
      ) : adding ? (
        <AddPortfolioItem onDone={() => setAdding(false)} />
      ) : (
        <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
          Add a portfolio item
        </Button>
      )}
    </div>
  );
}

function PortfolioItemRow({ item }: { item: Item }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation(trpc.profile.removePortfolioItem.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.profile.pathFilter()) }));
  if (editing) return <EditPortfolioItem item={item} onDone={() => setEditing(false)} />;
  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row">
        {item.imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own /files route serves the WebP
          <img src={item.imageUrl} alt={item.title} width={160} height={120} className="h-28 w-40 shrink-0 rounded border border-slate-200 object-cover" />
        ) : (
          <div className="flex h-28 w-40 shrink-0 items-center justify-center rounded border border-dashed border-slate-300 text-xs text-slate-500">No image yet</div>
        )}
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold text-slate-900 [overflow-wrap:anywhere]">{item.title}</h3>
          {item.description && <p className="mt-1 whitespace-pre-line text-sm text-slate-700 [overflow-wrap:anywhere]">{item.description}</p>}
          {item.link && (
            <a href={item.link} rel="noopener nofollow ugc" target="_blank" className="mt-1 block text-sm text-brand-700 underline [overflow-wrap:anywhere]">
              {item.link}
            </a>
          )}
        </div>
      </div>
      <PortfolioImage item={item} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${item.title}`}>
          Edit
        </Button>
        <ConfirmRemove what={`"${item.title}"`} pending={remove.isPending} onRemove={() => remove.mutate({ portfolioItemId: item.id })} />
      </div>
      {remove.error && <Alert>{errorText(remove.error)}</Alert>}
    </div>
  );
}

/** The item's image: upload (or replace) and remove; a refused file's sentence under the file field. */
function PortfolioImage({ item }: { item: Item }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.profile.pathFilter());
  const upload = useMutation(trpc.profile.setPortfolioImage.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.profile.removePortfolioImage.mutationOptions({ onSuccess: refresh }));
  const id = `portfolio-image-${item.id}`;
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = chosenFile(input);
    if (!chosen.ok) {
      setMissing(chosen.error);
      return;
    }
    setMissing(null);
    const form = new FormData();
    form.append("portfolioItemId", item.id);
    form.append("file", chosen.file);
    const element = event.currentTarget;
    upload.mutate(form, { onSuccess: () => element.reset() });
  };
  return (
    <form onSubmit={send} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end" aria-label={`Image for ${item.title}`}>
      <div className="min-w-0 flex-1">
        <ImageFileField
          id={id}
          label={`Image for ${item.title}`}
          hint={PORTFOLIO_IMAGE_HINT}
          error={missing ?? (upload.error ? errorText(upload.error) : undefined)}
          input={input}
          onChange={() => { setMissing(null); upload.reset(); }}
        />
      </div>
      <div className="flex flex-wrap gap-2 sm:mb-6">
        <Button type="submit" variant="secondary" disabled={upload.isPending}>
          {upload.isPending ? "Uploading…" : item.imageUrl ? "Replace image" : "Upload image"}
        </Button>
        {item.imageUrl && (
          <Button type="button" variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ portfolioItemId: item.id })}>
            Remove image
          </Button>
        )}
      </div>
      {remove.error && <Alert>{errorText(remove.error)}</Alert>}
    </form>
  );
}

function PortfolioFields({ form, prefix }: { form: ReturnType<typeof useRulesForm<PortfolioValues, PortfolioInput>>; prefix: string }) {
  return (
    <>
      <FormField form={form} name="title" id={`${prefix}-title`} label="Title" limit={TEXT_RULES.portfolioTitle.max} />
      <FormTextArea form={form} name="description" id={`${prefix}-description`} label="Description" rows={4} limit={TEXT_RULES.portfolioDescription.max} />
      <FormField form={form} name="link" id={`${prefix}-link`} label="Link (optional)" type="url" hint="Where the work can be seen: https://…" />
    </>
  );
}

function AddPortfolioItem({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parsePortfolio, EMPTY_PORTFOLIO);
  const add = useMutation(
    trpc.profile.addPortfolioItem.mutationOptions({
      onSuccess: async () => {
        renew();
        await queryClient.invalidateQueries(trpc.profile.pathFilter());
        onDone();
      },
    }),
  );
  useOnEdit(form, () => { add.reset(); renew(); });
  const submit = (item: PortfolioInput) => add.mutate({ ...item, idempotencyKey: key }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) });
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-3 rounded-md border border-slate-200 p-4" aria-label="Add a portfolio item">
      <h3 className="font-semibold">Add a portfolio item</h3>
      <PortfolioFields form={form} prefix="new-portfolio" />
      <p className="text-xs text-slate-500">Add its image once the item is saved.</p>
      <FormAlert message={serverProblems(add.error, SERVER_FIELDS).alert} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add item"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function EditPortfolioItem({ item, onDone }: { item: Item; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRulesForm(parsePortfolio, { title: item.title, description: item.description, link: item.link ?? "" });
  const update = useMutation(
    trpc.profile.updatePortfolioItem.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.profile.pathFilter());
        onDone();
      },
    }),
  );
  useOnEdit(form, () => update.reset());
  const submit = (values: PortfolioInput) => update.mutate({ ...values, portfolioItemId: item.id }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) });
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-3" aria-label={`Edit ${item.title}`}>
      <PortfolioFields form={form} prefix={`portfolio-${item.id}`} />
      <FormAlert message={serverProblems(update.error, SERVER_FIELDS).alert} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save item"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
