/**
 * The notifications page's first query, for the page to prefetch and its component to read (a
 * module without "use client", so the server gets the values, CONTRIBUTING "A page").
 */
export const FIRST_PAGE = {} as const;
export const UNREAD_FIRST_PAGE = { unread: true } as const;
