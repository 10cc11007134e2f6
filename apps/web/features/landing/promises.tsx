import { formatMoney } from "@/lib/money";
import { serviceFeeInWords } from "@/features/shared/terms-text";
import { readQuery, trpc } from "@/trpc/server";

/**
 * The landing page's promises, with the numbers of the settings in force (never written into the
 * page). A server component: it ships no JavaScript.
 */
export async function Promises() {
  const terms = await readQuery(trpc.terms.get.queryOptions());
  if (!terms.ok) return <p className="text-sm text-slate-600">{terms.message}</p>;
  const t = terms.data;
  const promises = [
    {
      title: "Connects you can count",
      body: "Every job shows the connects it costs before you apply, and every connect you spend or get back has a reason you can read.",
    },
    {
      title: "Fees shown before you commit",
      body: `The service fee is ${t.serviceFee.model === "tiered" ? "tiered per client" : "set per payment"}: ${serviceFeeInWords(t.serviceFee)}. You see the split by band before you propose or submit.`,
    },
    {
      title: "Money you can see moving",
      body: `In escrow, in review, pending, available, withdrawn: each amount shows the date it moves on. Withdraw available money from ${formatMoney(t.withdrawalMinimumMinor)}; every withdrawal pays at least ${formatMoney(t.minimumNetMinor)} after its method's fee, shown before you confirm.`,
    },
    {
      title: "Scams called out",
      body: "Work starts only when the contract is active, the client is payment verified and the milestone is funded, and every contract page says so.",
    },
  ];
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {promises.map((promise) => (
        <li key={promise.title} className="rounded-lg border border-slate-200 bg-white p-5">
          <h3 className="font-semibold text-slate-900">{promise.title}</h3>
          <p className="mt-1 text-sm text-slate-600">{promise.body}</p>
        </li>
      ))}
    </ul>
  );
}
