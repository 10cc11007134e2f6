import Link from "next/link";
import { redirect } from "next/navigation";
import { Promises } from "@/features/landing/promises";
import { getSession } from "@/server/auth";

export default async function HomePage() {
  if (await getSession()) redirect("/dashboard");
  return (
    <div className="space-y-12">
      <section className="max-w-3xl space-y-5 pt-6">
        <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
          The freelance marketplace that shows its numbers.
        </h1>
        <p className="text-lg text-slate-600">
          Fairlance connects clients and freelancers through escrow-backed contracts. What a proposal costs, what the fee
          is and when money becomes yours are exact, explained and shown before anyone commits.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-up?role=FREELANCER" className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
            Find work
          </Link>
          <Link href="/sign-up?role=CLIENT" className="rounded-md border border-slate-300 bg-white px-5 py-2.5 font-semibold text-slate-800 hover:bg-slate-100">
            Hire a freelancer
          </Link>
        </div>
      </section>
      <section aria-labelledby="promises" className="space-y-4">
        <h2 id="promises" className="text-xl font-semibold">What we promise</h2>
        <Promises />
      </section>
    </div>
  );
}
