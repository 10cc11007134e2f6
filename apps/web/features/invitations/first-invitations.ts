/** The first page of /invitations (no "use client": the page prefetches exactly this). */
export const FIRST_INVITATIONS = { page: 1 } as const;
