"use client";

import type { ComponentProps, ReactNode } from "react";
import { get, useWatch, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { Choices, Field, Select, TextArea, type FieldChrome } from "@/components/ui";

/**
 * The fields of every form, bound to its react-hook-form: each registers itself, shows its error
 * from the form's state (next to the field, with aria-invalid and aria-describedby), and a long
 * text shows "123 / 5,000" against its limit (`limit`: the rule's max from TEXT_RULES).
 */
type Bound<V extends FieldValues, Out> = { form: UseFormReturn<V, unknown, Out>; name: Path<V> };
type Chrome = Omit<FieldChrome, "error" | "count">;

/** The message of a field's error, wherever it is nested ("milestones.0.amount"). */
export function errorOf<V extends FieldValues, Out>(form: UseFormReturn<V, unknown, Out>, name: Path<V>): string | undefined {
  const message = (get(form.formState.errors, name) as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message ? message : undefined;
}

/**
 * The field's default value as the server renders it: register() fills the input through its ref,
 * which only happens in the browser, so without it the first paint shows empty fields.
 */
function initialOf<V extends FieldValues, Out>(form: UseFormReturn<V, unknown, Out>, name: Path<V>): string | undefined {
  const value: unknown = get(form.formState.defaultValues, name);
  return typeof value === "string" ? value : undefined;
}

/** How many characters a field holds now (watched, so the count follows typing and resets). */
function useLength<V extends FieldValues, Out>(form: UseFormReturn<V, unknown, Out>, name: Path<V>, enabled: boolean): number {
  const value: unknown = useWatch({ control: form.control, name, disabled: !enabled });
  return typeof value === "string" ? value.length : 0;
}

export function FormField<V extends FieldValues, Out>({ form, name, limit, ...props }: Bound<V, Out> & Chrome & { limit?: number } & Omit<ComponentProps<"input">, "name" | "id" | "form">) {
  const length = useLength(form, name, limit !== undefined);
  return <Field defaultValue={initialOf(form, name)} {...props} {...form.register(name)} error={errorOf(form, name)} count={limit !== undefined ? { length, max: limit } : undefined} />;
}

export function FormTextArea<V extends FieldValues, Out>({ form, name, limit, ...props }: Bound<V, Out> & Chrome & { limit?: number } & Omit<ComponentProps<"textarea">, "name" | "id" | "form">) {
  const length = useLength(form, name, limit !== undefined);
  return <TextArea defaultValue={initialOf(form, name)} {...props} {...form.register(name)} error={errorOf(form, name)} count={limit !== undefined ? { length, max: limit } : undefined} />;
}

export function FormSelect<V extends FieldValues, Out>({ form, name, ...props }: Bound<V, Out> & Chrome & Omit<ComponentProps<"select">, "name" | "id" | "form">) {
  return <Select defaultValue={initialOf(form, name)} {...props} {...form.register(name)} error={errorOf(form, name)} />;
}

/** Radio buttons for one field: each option's value and label. */
export function FormRadios<V extends FieldValues, Out>({
  form,
  name,
  id,
  legend,
  options,
  hint,
  disabled,
  className,
}: Bound<V, Out> & { id: string; legend: ReactNode; options: readonly { value: string; label: ReactNode }[]; hint?: ReactNode; disabled?: boolean; className?: string }) {
  return (
    <Choices id={id} legend={legend} error={errorOf(form, name)} hint={hint} disabled={disabled} className={className}>
      {options.map((option) => (
        <label key={option.value} className="flex items-center gap-2">
          <input type="radio" value={option.value} {...form.register(name)} /> {option.label}
        </label>
      ))}
    </Choices>
  );
}
