/** The three kinds of account, as the database stores them. */
export type RoleName = "CLIENT" | "FREELANCER" | "ADMIN";

/** How the product names each role: one word, written once ("Freelancer", "freelancers"). */
export const ROLE_WORDS: Readonly<Record<RoleName, { title: string; plural: string }>> = Object.freeze({
  CLIENT: { title: "Client", plural: "clients" },
  FREELANCER: { title: "Freelancer", plural: "freelancers" },
  ADMIN: { title: "Admin", plural: "admins" },
});

/** "Client" — a role as a label beside a name. */
export const roleTitle = (role: RoleName): string => ROLE_WORDS[role].title;

/** "Clients" — everyone of a role, as a heading, a count's label or a filter's choice. */
export const rolePluralTitle = (role: RoleName): string => ROLE_WORDS[role].plural.charAt(0).toUpperCase() + ROLE_WORDS[role].plural.slice(1);

/** "clients", "clients and freelancers" — who may do something, in a sentence. */
export function roleList(roles: RoleName | readonly RoleName[]): string {
  const words = (typeof roles === "string" ? [roles] : [...roles]).map((role) => ROLE_WORDS[role].plural);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
