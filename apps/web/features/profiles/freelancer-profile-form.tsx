"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFieldArray } from "react-hook-form";
import { AVAILABILITY, AVAILABILITY_LABELS, LANGUAGE_LEVELS, LANGUAGE_LEVEL_LABELS, PROFILE_LIMITS, TEXT_RULES } from "@fairlance/rules";
import { Alert, Button, FormAlert } from "@/components/ui";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { errorOf, FormField, FormSelect, FormTextArea } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";
import { freelancerProfileValues, parseFreelancerProfile, type FreelancerProfileInput, type FreelancerProfileValues } from "./profile-values";

const SERVER_FIELDS: ServerFields<FreelancerProfileValues> = {
  fields: { title: "title", overview: "overview", skills: "skills", hourlyRateMinor: "hourlyRate", availability: "availability", location: "location", timeZone: "timeZone", languages: "languages" },
};

type StoredProfile = Parameters<typeof freelancerProfileValues>[0];

/** Every field of the freelancer's profile, saved together (profile.updateFreelancer). */
export function FreelancerProfileForm({ profile, zones }: { profile: StoredProfile; zones: readonly string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRulesForm(parseFreelancerProfile, freelancerProfileValues(profile));
  const languages = useFieldArray({ control: form.control, name: "languages" });
  const save = useMutation(
    trpc.profile.updateFreelancer.mutationOptions({
      onSuccess: async (saved) => {
        form.reset(freelancerProfileValues({ ...saved, timeZoneName: saved.timeZone }));
        await queryClient.invalidateQueries(trpc.profile.pathFilter());
      },
    }),
  );
  useOnEdit(form, () => save.reset());
  const submit = (input: FreelancerProfileInput) => save.mutate(input, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) });
  const languagesError = errorOf(form, "languages");

  return (
    <form id="profile-form" onSubmit={form.handleSubmit(submit)} noValidate className="space-y-4" aria-label="Your profile">
      <FormField form={form} name="title" id="profile-title" label="Title" hint='What you do, in a line: "Senior React developer"' limit={TEXT_RULES.profileTitle.max} />
      <FormTextArea form={form} name="overview" id="profile-overview" label="Overview" rows={7} hint="At least 100 characters: what you do best, for whom, and how you work." limit={TEXT_RULES.profileOverview.max} />
      <FormField form={form} name="skills" id="profile-skills" label="Skills" hint={`Separated by commas, at most ${PROFILE_LIMITS.maxSkills}`} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField form={form} name="hourlyRate" id="profile-rate" label="Hourly rate (USD)" inputMode="decimal" hint="From $5.00 to $1,000.00; leave blank to show none" />
        <FormSelect form={form} name="availability" id="profile-availability" label="Availability">
          {AVAILABILITY.map((value) => (
            <option key={value} value={value}>
              {AVAILABILITY_LABELS[value]}
            </option>
          ))}
        </FormSelect>
        <FormField form={form} name="location" id="profile-location" label="Location" hint="City and country" limit={TEXT_RULES.location.max} />
        <FormSelect form={form} name="timeZone" id="profile-time-zone" label="Time zone" hint="Your profile shows the time there">
          <option value="">No time zone</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </FormSelect>
      </div>

      <fieldset id="languages" tabIndex={-1} className="space-y-2" aria-describedby={languagesError ? "languages-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Languages</legend>
        {languages.fields.length === 0 && <p className="text-sm text-slate-500">No language yet: add the languages you work in.</p>}
        <ul className="space-y-3">
          {languages.fields.map((field, index) => (
            <li key={field.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
              <FormField form={form} name={`languages.${index}.language`} id={`language-${field.id}`} label={`Language ${index + 1}`} />
              <FormSelect form={form} name={`languages.${index}.level`} id={`language-level-${field.id}`} label={`Level of language ${index + 1}`}>
                {LANGUAGE_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {LANGUAGE_LEVEL_LABELS[level]}
                  </option>
                ))}
              </FormSelect>
              <Button type="button" variant="ghost" className="sm:mt-6" onClick={() => languages.remove(index)}>
                Remove language {index + 1}
              </Button>
            </li>
          ))}
        </ul>
        {languagesError && (
          <p id="languages-error" className="text-xs text-red-700">
            {languagesError}
          </p>
        )}
        <Button type="button" variant="secondary" disabled={languages.fields.length >= PROFILE_LIMITS.maxLanguages} onClick={() => languages.append({ language: "", level: "FLUENT" })}>
          Add a language
        </Button>
        {languages.fields.length >= PROFILE_LIMITS.maxLanguages && <p className="text-xs text-slate-500">{PROFILE_LIMITS.tooManyLanguages}</p>}
      </fieldset>

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
