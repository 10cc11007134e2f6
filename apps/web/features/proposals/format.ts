import { formatConnects } from "@fairlance/rules";

/** "5 connects", or "7 connects (5 + 2 boost)" when the proposal was boosted. */
export function formatConnectsSpent(cost: number, boost: number): string {
  return boost > 0 ? `${formatConnects(cost + boost)} (${cost} + ${boost} boost)` : formatConnects(cost);
}
