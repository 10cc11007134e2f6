import type { Role } from "../client";

export interface DemoLogin {
  role: Role;
  name: string;
  email: string;
  password: string;
}

/** Known demo accounts, printed by `pnpm start`. Never use these passwords outside a demo. */
export const DEMO_LOGINS: DemoLogin[] = [
  { role: "ADMIN", name: "Ada Admin", email: "admin@fairlance.test", password: "fairlance-admin" },
  { role: "CLIENT", name: "Carol Chen", email: "carol@acme.test", password: "fairlance-demo" },
  { role: "CLIENT", name: "Dev Patel", email: "dev@northwind.test", password: "fairlance-demo" },
  { role: "FREELANCER", name: "Fran Okafor", email: "fran@fairlance.test", password: "fairlance-demo" },
  { role: "FREELANCER", name: "Gus Lindqvist", email: "gus@fairlance.test", password: "fairlance-demo" },
];
