"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, FormAlert } from "@/components/ui";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";
import { NAME_SERVER_FIELDS, parseName } from "./account-forms";

/** The name others see on proposals, contracts and the profile. */
export function ChangeNameForm({ name }: { name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRulesForm(parseName, { name });
  const change = useMutation(
    trpc.account.changeName.mutationOptions({
      onSuccess: async (saved) => {
        form.reset({ name: saved.name });
        await queryClient.invalidateQueries(trpc.account.get.queryFilter());
      },
    }),
  );
  useOnEdit(form, () => change.reset());
  const submit = form.handleSubmit((input) => change.mutate(input, { onError: (error) => showServerProblems(form, error, NAME_SERVER_FIELDS) }));
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormField form={form} name="name" label="Full name" id="account-name" autoComplete="name" limit={TEXT_RULES.personName.max} />
      <FormAlert message={serverProblems(change.error, NAME_SERVER_FIELDS).alert} />
      {change.isSuccess && <Alert tone="success">Your name is now {change.data.name}.</Alert>}
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}
