import "server-only";
import { currentTime, isDomainError } from "@fairlance/db";
import { unsubscribe } from "@fairlance/db/services";
import type { PrismaClient } from "@fairlance/db";
import { BodyTooLarge, readBody } from "./http/body";

/** A form's body is a few dozen bytes; anything longer is not one of ours. */
const MAX_BODY_BYTES = 2048;

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });

/** After the page's button: the page again, which now says the emails are off (or what is wrong with the link). */
const backToPage = (token: string) =>
  new Response(null, { status: 303, headers: { location: `/unsubscribe?token=${encodeURIComponent(token.slice(0, 400))}`, "cache-control": "no-store" } });

/**
 * POST /unsubscribe?token=… (proxy.ts sends it here; GET /unsubscribe is the page that asks to
 * confirm). Two callers: the page's "Stop these emails" button, a form post answered with a
 * redirect back to the page (which then says the emails are off), and a mail client's one-click
 * unsubscribe (RFC 8058: a POST whose body is `List-Unsubscribe=One-Click`, from the mail
 * provider's servers, with no cookie), answered with a sentence. The token is the only authority;
 * a bad one gets a 400 with a sentence, never a 500.
 */
export const unsubscribeHandler = (getPrisma: () => PrismaClient) => async (request: Request): Promise<Response> => {
  let body: Uint8Array;
  try {
    body = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return text(413, "This request is too large to be an unsubscribe.");
    throw error;
  }
  const form = new URLSearchParams(new TextDecoder().decode(body));
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? form.get("token") ?? "";
  const oneClick = form.get("List-Unsubscribe") === "One-Click";
  const prisma = getPrisma();
  try {
    const view = await unsubscribe(prisma, { token, now: await currentTime(prisma) });
    if (oneClick) {
      const labels = view.categories.filter((c) => !c.mandatory).map((c) => c.label);
      return text(200, labels.length > 0 ? `Unsubscribed: no more emails about ${labels.join(", ")}.` : "These emails cannot be turned off.");
    }
    return backToPage(token);
  } catch (error) {
    if (!isDomainError(error)) {
      console.error("[unsubscribe] could not unsubscribe:", error);
      return text(503, "We could not change your emails just now. Please try again in a minute.");
    }
    // The page says what is wrong with the link, in the same words.
    if (!oneClick) return backToPage(token);
    return text(error.code === "NOT_FOUND" ? 404 : 400, error.message);
  }
};
