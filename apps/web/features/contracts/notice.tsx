"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui";

const NoticeContext = createContext<(text: string) => void>(() => undefined);

/**
 * The outcome of the last action on the page, announced politely. Actions report here because the
 * button that was pressed often disappears once the server's new state arrives (a funded milestone
 * no longer has "Fund").
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [text, setText] = useState<string | null>(null);
  return (
    <NoticeContext.Provider value={setText}>
      <div aria-live="polite" data-testid="action-notice">
        {text && <Alert tone="success">{text}</Alert>}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

export const useNotice = () => useContext(NoticeContext);
