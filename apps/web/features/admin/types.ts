import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

export type AdminOutputs = inferRouterOutputs<AppRouter>["admin"];
export type AdminInputs = inferRouterInputs<AppRouter>["admin"];
