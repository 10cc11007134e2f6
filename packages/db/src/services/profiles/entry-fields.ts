import { EMPLOYMENT_DESCRIPTION, TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { EducationEntry, EmploymentEntry } from "../../client";
import { Text } from "../fields";
import { Month, Year } from "./limits";

/** A job a freelancer held: company, role, from and to (YYYY-MM; null while current), what they did. Its months are checked with the clock (limits.ts). */
export const EmploymentFields = z.strictObject({
  company: Text(TEXT_RULES.employmentCompany),
  role: Text(TEXT_RULES.employmentRole),
  fromMonth: Month("start"),
  toMonth: Month("end").nullable(),
  description: Text(EMPLOYMENT_DESCRIPTION),
});

/** A school a freelancer went to: school, degree (may be blank), from and to years (null while studying). */
export const EducationFields = z.strictObject({
  school: Text(TEXT_RULES.educationSchool),
  degree: Text(TEXT_RULES.educationDegree),
  fromYear: Year("start"),
  toYear: Year("end").nullable(),
});

export interface SavedEmployment {
  employmentId: string;
  company: string;
  role: string;
  fromMonth: string;
  toMonth: string | null;
  description: string;
}

export interface SavedEducation {
  educationId: string;
  school: string;
  degree: string;
  fromYear: number;
  toYear: number | null;
}

export const savedEmployment = (entry: EmploymentEntry): SavedEmployment => ({
  employmentId: entry.id,
  company: entry.company,
  role: entry.role,
  fromMonth: entry.fromMonth,
  toMonth: entry.toMonth,
  description: entry.description,
});

export const savedEducation = (entry: EducationEntry): SavedEducation => ({
  educationId: entry.id,
  school: entry.school,
  degree: entry.degree,
  fromYear: entry.fromYear,
  toYear: entry.toYear,
});
