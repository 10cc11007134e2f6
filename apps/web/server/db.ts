import "server-only";
export { getPrisma } from "@fairlance/db/client";
