"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TEXT_RULES } from "@fairlance/rules";
import { Alert, Button, FormAlert } from "@/components/ui";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField, FormTextArea } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";
import { parseClientProfile, type ClientProfileValues } from "./profile-values";

const SERVER_FIELDS: ServerFields<ClientProfileValues> = { fields: { companyName: "companyName", description: "description", location: "location" } };

/** The client's profile: company (blank when hiring for yourself), what you do, where you are. */
export function ClientProfileForm({ profile }: { profile: ClientProfileValues }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRulesForm(parseClientProfile, { companyName: profile.companyName, description: profile.description, location: profile.location });
  const save = useMutation(
    trpc.profile.updateClient.mutationOptions({
      onSuccess: async (saved) => {
        form.reset({ companyName: saved.companyName, description: saved.description, location: saved.location });
        await queryClient.invalidateQueries(trpc.profile.pathFilter());
      },
    }),
  );
  useOnEdit(form, () => save.reset());
  const submit = (values: ClientProfileValues) => save.mutate(values, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) });
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-4" aria-label="Your client profile">
      <FormField form={form} name="companyName" id="client-company" label="Company name" hint="Leave blank if you hire for yourself: your name is shown instead" limit={TEXT_RULES.clientCompany.max} />
      <FormTextArea form={form} name="description" id="client-description" label="About you or your company" rows={5} limit={TEXT_RULES.clientDescription.max} />
      <FormField form={form} name="location" id="client-location" label="Location" hint="City and country" limit={TEXT_RULES.location.max} />
      <div aria-live="polite" className="space-y-2">
        <FormAlert message={serverProblems(save.error, SERVER_FIELDS).alert} />
        {save.isSuccess && <Alert tone="success">Profile saved.</Alert>}
      </div>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}
