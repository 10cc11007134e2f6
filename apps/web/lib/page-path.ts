/**
 * The request header in which proxy.ts passes a page's path to the server components, so that a
 * route group's layout (which is not told the URL) can send a signed-out visitor to sign in and
 * back to the page they asked for.
 */
export const PAGE_PATH_HEADER = "x-fairlance-page-path";

/** A path of this site to come back to ("/jobs/j1"); anything else (another origin, "//host") is null. */
export function samesitePath(value: string | null | undefined): string | null {
  return value?.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : null;
}
