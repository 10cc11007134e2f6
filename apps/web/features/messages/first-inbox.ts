/** The inbox's first query (page 1, no search), shared by the page's prefetch and its component (a module without "use client"). */
export const FIRST_INBOX = {} as const;
