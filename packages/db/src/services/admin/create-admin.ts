import { z } from "zod";
import type { PrismaClient } from "../../client";
import { hashPassword } from "../../auth/password";
import { NewPassword, passwordProblem } from "../../auth/password-policy";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { writeAudit } from "../connects/audit";
import { requireActor, type ActorCall } from "../actor";
import { EMAIL_RULE, TEXT_RULES } from "@fairlance/rules";
import { Text } from "../fields";
import { parseCall } from "../input";

/**
 * What an admin types to make another admin (economy.md §1): the new admin's email and name, an
 * initial password the admin hands over (the new admin changes it on their Account page), and why.
 */
export const CreateAdminInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: EMAIL_RULE.invalid }).max(EMAIL_RULE.max, EMAIL_RULE.invalid)),
  name: Text(TEXT_RULES.adminName),
  initialPassword: NewPassword,
  reason: Text(TEXT_RULES.adminReason),
});
export type CreateAdminInput = z.input<typeof CreateAdminInput>;

export interface CreatedAdmin {
  userId: string;
  email: string;
  name: string;
  role: "ADMIN";
  createdAt: Date;
}

const emailTaken = () => new DomainError("EMAIL_TAKEN", "An account with this email already exists; an existing account cannot become an admin here.");

/**
 * An admin creates another admin account (economy.md §1, §6), audit-logged with the reason. The
 * password is set by the creating admin and checked by the same policy as everyone's; it is stored
 * only as its hash, and is neither returned nor part of the idempotency record (a replay with the
 * same key, email, name and reason returns the first answer and changes nothing).
 */
export async function createAdmin(prisma: PrismaClient, input: CreateAdminInput & ActorCall): Promise<CreatedAdmin> {
  const data = parseCall(CreateAdminInput, input);
  await requireActor(prisma, data, "ADMIN", "create admins", { active: true });
  const problem = await passwordProblem(data.initialPassword, data);
  if (problem) throw new DomainError("WEAK_PASSWORD", problem);
  const passwordHash = await hashPassword(data.initialPassword);
  try {
    return await runTransaction(prisma, async (tx) => {
      await requireActor(tx, data, "ADMIN", "create admins", { active: true });
      const { result } = await idempotent(
        tx,
        { operation: "user.createAdmin", userId: data.actorId, key: data.idempotencyKey, request: { email: data.email, name: data.name, reason: data.reason } },
        async () => {
          const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
          if (existing) throw emailTaken();
          const user = await tx.user.create({
            data: { email: data.email, name: data.name, role: "ADMIN", passwordHash, createdAt: data.now },
            select: { id: true, email: true, name: true, createdAt: true },
          });
          const created: CreatedAdmin = { userId: user.id, email: user.email, name: user.name, role: "ADMIN", createdAt: user.createdAt };
          await writeAudit(tx, {
            actorId: data.actorId,
            action: "user.createAdmin",
            targetType: "User",
            targetId: user.id,
            before: null,
            after: { email: user.email, name: user.name, role: "ADMIN" },
            reason: data.reason,
            now: data.now,
          });
          return created;
        },
        jsonCodec<CreatedAdmin>(),
      );
      return result;
    });
  } catch (error) {
    // Two creations with one email at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw emailTaken();
    throw error;
  }
}
