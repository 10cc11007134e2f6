/** The first state of the admin's feedback list, shared by the moderation page's prefetch and the list (no "use client": the server reads the value). */
export const FIRST_FEEDBACK_PAGE = { page: 1, hiddenOnly: false } as const;
