"use client";

import { useState } from "react";
import { Button } from "@/components/ui";
import type { AdminOutputs } from "../types";
import { SettingEditor } from "./setting-editor";
import { SettingHistory } from "./setting-history";

type Setting = AdminOutputs["settings"]["list"][number];
const when = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** One setting: its value in force, what is scheduled, and the edit form and history on demand. */
export function SettingRow({ setting, onSaved }: { setting: Setting; onSaved: (message: string) => void }) {
  const [open, setOpen] = useState<"edit" | "history" | null>(null);
  const toggle = (panel: "edit" | "history") => setOpen(open === panel ? null : panel);
  return (
    <li id={`setting-${setting.key}`} className="scroll-mt-4 py-3" data-testid={`setting-${setting.key}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <h3 className="font-medium text-slate-900">{setting.label}</h3>
          <p className="text-xs text-slate-500">{setting.description}</p>
          <p className="mt-1 break-words text-sm">
            <span className="font-semibold" data-testid="setting-value">{setting.display}</span>
            {setting.isDefault && <span className="ml-2 text-xs text-slate-500">(default)</span>}
          </p>
          {setting.scheduled.map((s) => (
            <p key={s.versionId} className="text-xs text-amber-800">Scheduled: {s.display} from {when(s.effectiveFrom)}</p>
          ))}
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" aria-expanded={open === "edit"} aria-label={`Edit ${setting.label}`} onClick={() => toggle("edit")}>Edit</Button>
          <Button variant="ghost" aria-expanded={open === "history"} aria-label={`History of ${setting.label}`} onClick={() => toggle("history")}>History</Button>
        </div>
      </div>
      {open === "edit" && <SettingEditor setting={setting} onDone={(message) => { setOpen("history"); onSaved(message); }} />}
      {open === "history" && <SettingHistory settingKey={setting.key} label={setting.label} />}
    </li>
  );
}
