import { getPrisma } from "@/server/db";
import { unsubscribeHandler } from "@/server/unsubscribe";

export const dynamic = "force-dynamic";

/** POST /unsubscribe?token=… (proxy.ts rewrites it here): see server/unsubscribe.ts. */
export const POST = unsubscribeHandler(getPrisma);
