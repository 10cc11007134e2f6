"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button, Card, Field } from "@/components/ui";
import { ErrorAlert, fieldErrors } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

const EMPTY = { email: "", name: "", initialPassword: "", reason: "" };

/**
 * Make another admin: their email and name, an initial password you hand over (they change it on
 * their Account page), and why. Audit-logged; the password is stored only as its hash.
 */
export function CreateAdminForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [form, setForm] = useState(EMPTY);
  const create = useMutation(
    trpc.admin.people.createAdmin.mutationOptions({
      onSuccess: async () => {
        renew();
        setForm(EMPTY);
        await queryClient.invalidateQueries(trpc.admin.people.pathFilter());
      },
    }),
  );
  const problems = fieldErrors(create.error);
  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });
  return (
    <Card title="Create an admin">
      <form className="space-y-3" onSubmit={(event) => { event.preventDefault(); create.mutate({ ...form, idempotencyKey: key }); }}>
        <Field label="Email" id="admin-email" type="email" autoComplete="off" value={form.email} onChange={set("email")} error={problems.email?.[0]} required />
        <Field label="Name" id="admin-name" value={form.name} onChange={set("name")} error={problems.name?.[0]} required />
        <Field label="Initial password" id="admin-password" type="password" autoComplete="new-password" value={form.initialPassword} onChange={set("initialPassword")} error={problems.initialPassword?.[0]}
          hint="Give it to the new admin in person or another safe way; they change it on their Account page after signing in." required />
        <Field label="Why" id="admin-reason" value={form.reason} onChange={set("reason")} error={problems.reason?.[0]} hint="Recorded in the audit log." required />
        <Button type="submit" disabled={create.isPending}>Create admin</Button>
        {Object.keys(problems).length === 0 && <ErrorAlert error={create.error} />}
        {create.data && <Alert tone="success">{create.data.name} ({create.data.email}) is now an admin and can sign in with the initial password.</Alert>}
      </form>
    </Card>
  );
}
