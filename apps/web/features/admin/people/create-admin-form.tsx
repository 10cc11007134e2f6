"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, FormAlert } from "@/components/ui";
import { problemsOf, readEmail, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

interface AdminValues {
  email: string;
  name: string;
  initialPassword: string;
  reason: string;
}

const EMPTY: AdminValues = { email: "", name: "", initialPassword: "", reason: "" };

function parseAdmin(values: AdminValues) {
  const check = problemsOf<AdminValues>();
  const email = check.take("email", readEmail(values.email));
  const name = check.take("name", readText(values.name, TEXT_RULES.adminName));
  const initialPassword = check.take("initialPassword", readText(values.initialPassword, TEXT_RULES.newPassword));
  const reason = check.take("reason", readText(values.reason, TEXT_RULES.adminReason));
  return check.done(() => ({ email: email!, name: name!, initialPassword: initialPassword!, reason: reason! }));
}

const SERVER_FIELDS: ServerFields<AdminValues> = {
  fields: { email: "email", name: "name", initialPassword: "initialPassword", reason: "reason" },
  codes: { EMAIL_TAKEN: "email", WEAK_PASSWORD: "initialPassword" },
};

/**
 * Make another admin: their email and name, an initial password you hand over (they change it on
 * their Account page), and why. Audit-logged; the password is stored only as its hash.
 */
export function CreateAdminForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parseAdmin, EMPTY);
  const create = useMutation(
    trpc.admin.people.createAdmin.mutationOptions({
      onSuccess: async () => {
        renew();
        form.reset(EMPTY);
        await queryClient.invalidateQueries(trpc.admin.people.pathFilter());
      },
    }),
  );
  useOnEdit(form, () => { create.reset(); renew(); });
  const submit = form.handleSubmit((admin) => create.mutate({ ...admin, idempotencyKey: key }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }));
  return (
    <Card title="Create an admin">
      <form className="space-y-3" onSubmit={submit} noValidate>
        <FormField form={form} name="email" label="Email" id="admin-email" type="email" autoComplete="off" />
        <FormField form={form} name="name" label="Name" id="admin-name" />
        <FormField form={form} name="initialPassword" label="Initial password" id="admin-password" type="password" autoComplete="new-password"
          hint="Give it to the new admin in person or another safe way; they change it on their Account page after signing in." />
        <FormField form={form} name="reason" label="Why" id="admin-reason" hint="Recorded in the audit log." limit={TEXT_RULES.adminReason.max} />
        <Button type="submit" disabled={create.isPending}>Create admin</Button>
        <FormAlert message={serverProblems(create.error, SERVER_FIELDS).alert} />
        {create.data && <Alert tone="success">{create.data.name} ({create.data.email}) is now an admin and can sign in with the initial password.</Alert>}
      </form>
    </Card>
  );
}
