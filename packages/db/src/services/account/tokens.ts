import { createHash, randomBytes } from "node:crypto";
import { accountTokenExpiresAt, accountTokenLive, type AccountTokenKind } from "@fairlance/rules";
import { z } from "zod";
import type { AccountTokenPurpose, Db, Tx } from "../../client";
import { DomainError } from "../../errors";

/**
 * The single-use links of accounts (economy.md §13): 32 random bytes, base64url in the link
 * (43 characters); only their SHA-256 (hex) is stored, so the table cannot be turned into links.
 */
const PURPOSE: Record<AccountTokenKind, AccountTokenPurpose> = { verify_email: "VERIFY_EMAIL", reset_password: "RESET_PASSWORD" };

/** The token a link carries, as a page or a procedure receives it. */
export const AccountTokenText = z
  .string("Open the link from the email again.")
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is not complete. Open the link from the email again, or ask for a new one.");

export const hashAccountToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface IssuedToken {
  id: string;
  /** The token for the link; it exists only in the email. */
  token: string;
  expiresAt: Date;
}

/**
 * A new link of `kind` for the person, sent to `email` (their address, or the new one they are
 * changing to). The newest link of a kind replaces the older unused ones: they are deleted, so an
 * old email's link no longer works. Inside the caller's transaction.
 */
export async function issueAccountToken(tx: Tx, input: { userId: string; kind: AccountTokenKind; email: string; now: Date }): Promise<IssuedToken> {
  const purpose = PURPOSE[input.kind];
  await tx.accountToken.deleteMany({ where: { userId: input.userId, purpose, usedAt: null } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = accountTokenExpiresAt(input.kind, input.now);
  const { id } = await tx.accountToken.create({
    data: { userId: input.userId, purpose, tokenHash: hashAccountToken(token), email: input.email, expiresAt, createdAt: input.now },
    select: { id: true },
  });
  return { id, token, expiresAt };
}

export interface UsableToken {
  id: string;
  userId: string;
  email: string;
}

const notValid = () => new DomainError("NOT_FOUND", "This link is not valid, or a newer one was sent since. Ask for a new link.");

/**
 * The token's row, locked, if it may still be used: unknown (or replaced) → NOT_FOUND, used →
 * CONFLICT "This link was already used.", expired → CONFLICT. The caller marks it used
 * (`markTokenUsed`) in the same transaction as its effect.
 */
export async function lockUsableToken(tx: Tx, input: { token: string; kind: AccountTokenKind; now: Date }): Promise<UsableToken> {
  const [row] = await tx.$queryRaw<{ id: string; userId: string; email: string; expiresAt: Date; usedAt: Date | null; purpose: AccountTokenPurpose }[]>`
    SELECT id, "userId", email, "expiresAt", "usedAt", purpose FROM "AccountToken" WHERE "tokenHash" = ${hashAccountToken(input.token)} FOR UPDATE`;
  if (!row || row.purpose !== PURPOSE[input.kind]) throw notValid();
  if (row.usedAt) throw new DomainError("CONFLICT", "This link was already used.");
  if (!accountTokenLive(row.expiresAt, input.now)) throw new DomainError("CONFLICT", "This link has expired. Ask for a new one.");
  return { id: row.id, userId: row.userId, email: row.email };
}

/** Marks a token used; after this, the link answers "This link was already used." */
export async function markTokenUsed(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.accountToken.update({ where: { id }, data: { usedAt: now } });
}

/** A link's token without a lock, to check what it is for before the transaction (null when unusable). */
export async function peekToken(db: Db, input: { token: string; kind: AccountTokenKind }): Promise<{ userId: string; email: string } | null> {
  const row = await db.accountToken.findUnique({ where: { tokenHash: hashAccountToken(input.token) }, select: { userId: true, email: true, purpose: true } });
  return row && row.purpose === PURPOSE[input.kind] ? { userId: row.userId, email: row.email } : null;
}

/** The new address an email change waits to confirm (the newest live link to another address), or null. */
export async function pendingEmailChange(db: Db, userId: string, currentEmail: string, now: Date): Promise<string | null> {
  const link = await db.accountToken.findFirst({
    where: { userId, purpose: "VERIFY_EMAIL", usedAt: null, expiresAt: { gt: now }, email: { not: currentEmail } },
    orderBy: { createdAt: "desc" },
    select: { email: true },
  });
  return link?.email ?? null;
}
