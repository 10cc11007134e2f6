import "server-only";
export { getPrisma, staleRead, type StaleRead } from "@fairlance/db/client";
