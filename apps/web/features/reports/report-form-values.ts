import { REPORT_REASON_KEYS, REPORT_REASONS, TEXT_RULES, type ReportReason } from "@fairlance/rules";
import { problemsOf, readText, type Parsed } from "@/features/shared/form";

/** The report form's values: the reason picked (empty until one is) and the note. */
export interface ReportFormValues {
  reason: string;
  note: string;
}
export const EMPTY_REPORT_FORM: ReportFormValues = { reason: "", note: "" };
export const REPORT_REASON_OPTIONS = REPORT_REASON_KEYS.map((value) => ({ value, label: REPORT_REASONS[value].label }));

/** What the form sends, checked as the service checks it (economy.md §5.2): a reason from the list, a note of at most 1,000 characters, required for "Something else". */
export function parseReportForm(values: ReportFormValues): Parsed<ReportFormValues, { reason: ReportReason; note: string }> {
  const check = problemsOf<ReportFormValues>();
  const reason = check.take<ReportReason>(
    "reason",
    (REPORT_REASON_KEYS as readonly string[]).includes(values.reason) ? { ok: true, value: values.reason as ReportReason } : { ok: false, error: "Choose a reason from the list." },
  );
  const note = check.take("note", readText(values.note, TEXT_RULES.reportNote));
  if (reason === "other" && note === "") check.add("note", "Say what is wrong: you chose “Something else”.");
  return check.done(() => ({ reason: reason!, note: note! }));
}
