import Link from "next/link";

/** Where a person's public profile is: a freelancer's at /freelancers/<id>, a client's at /clients/<id>. */
export const profileHref = (role: "CLIENT" | "FREELANCER", id: string) => (role === "CLIENT" ? `/clients/${id}` : `/freelancers/${id}`);

/** A person's name, linked to their public profile (wherever a name is shown, the profile is one click away). */
export function PersonLink({ role, person, className }: { role: "CLIENT" | "FREELANCER"; person: { id: string; name: string }; className?: string }) {
  return (
    <Link href={profileHref(role, person.id)} className={className ?? "text-brand-700 underline"}>
      {person.name}
    </Link>
  );
}
