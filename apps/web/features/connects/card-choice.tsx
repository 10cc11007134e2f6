import Link from "next/link";
import { cardLabel } from "./use-checkout";

interface Props {
  id: string;
  cards: { id: string; brand: string; last4: string }[];
  unverifiedCards: number;
  value: string;
  onChange: (value: string) => void;
  earnings?: boolean;
}

/** Pick a verified card (or Available earnings when allowed); without a card, a link to add one. */
export function CardChoice({ id, cards, unverifiedCards, value, onChange, earnings }: Props) {
  if (cards.length === 0 && !earnings) {
    return (
      <p className="text-sm text-slate-700">
        You have no verified card yet{unverifiedCards > 0 && ` (${unverifiedCards} waiting for verification)`}.{" "}
        <Link href="/billing/methods" className="font-semibold text-brand-700 underline">Add a card</Link> to pay.
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">Pay with</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
        {cards.map((card) => <option key={card.id} value={card.id}>{cardLabel(card)}</option>)}
        {earnings && <option value="earnings">Available earnings</option>}
      </select>
      <p className="text-xs text-slate-500"><Link href="/billing/methods" className="underline">Manage cards</Link></p>
    </div>
  );
}
