import { lotExpiresAt } from "@fairlance/rules";
import { scopedKey } from "../../idempotency";
import type { Tx } from "../../client";
import { issueLot } from "../../connects/connect-ledger";
import { loadSettings } from "../../settings/load-settings";

export interface SignupGrant {
  lotId: string;
  connects: number;
  expiresAt: Date;
}

/**
 * The one-time sign-up connects of a new freelancer (economy.md §2.1), inside the sign-up transaction.
 * Keyed by the user, so it can never be granted twice.
 */
export async function grantSignupConnects(tx: Tx, input: { userId: string; now: Date }): Promise<SignupGrant | null> {
  const { settings } = await loadSettings(tx, input.now);
  if (settings.signupConnects === 0) return null;
  const expiresAt = lotExpiresAt(input.now, settings);
  const lotId = await issueLot(tx, {
    userId: input.userId,
    key: scopedKey({ operation: "connects.signUpGrant", userId: null, key: input.userId }),
    now: input.now,
    reason: "signup_grant",
    source: "SIGNUP",
    connects: settings.signupConnects,
    expiresAt,
  });
  return { lotId, connects: settings.signupConnects, expiresAt };
}
