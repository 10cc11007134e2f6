import Link from "next/link";
import { redirect } from "next/navigation";
import { getSession } from "@/server/auth";

const PROMISES = [
  {
    title: "Connects you can count",
    body: "Every job shows the connects it costs before you apply, and every connect you spend or get back has a reason you can read.",
  },
  {
    title: "Fees shown before you commit",
    body: "The service fee is tiered per client: 20% of the first $500 you bill a client, 10% up to $10,000, 5% beyond. You see the split by band before you propose or submit.",
  },
  {
    title: "Money you can see moving",
    body: "In escrow, in review, pending, available, withdrawn: each amount shows the date it moves on. Withdraw any available amount from $1.",
  },
  {
    title: "Scams called out",
    body: "Work starts only when the contract is active, the client is payment verified and the milestone is funded, and every contract page says so.",
  },
];

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
        <ul className="grid gap-4 sm:grid-cols-2">
          {PROMISES.map((promise) => (
            <li key={promise.title} className="rounded-lg border border-slate-200 bg-white p-5">
              <h3 className="font-semibold text-slate-900">{promise.title}</h3>
              <p className="mt-1 text-sm text-slate-600">{promise.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
