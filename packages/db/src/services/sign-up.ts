import { z } from "zod";
import type { PrismaClient, Role } from "../client";
import { hashPassword } from "../auth/password";
import { DomainError } from "../errors";
import { runTransaction } from "../transaction";
import { grantSignupConnects } from "./connects/grant-signup-connects";

export const SignUpInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter a valid email address." }).max(254)),
  name: z.string().trim().min(1, "Enter your name.").max(100, "Names are at most 100 characters."),
  password: z
    .string()
    .min(10, "Use at least 10 characters for your password.")
    .max(200, "Passwords are at most 200 characters."),
  role: z.enum(["CLIENT", "FREELANCER"], { message: "Choose whether you hire (client) or work (freelancer)." }),
});
export type SignUpInput = z.infer<typeof SignUpInput>;

/** What the form sends plus the time of the sign-up, which the caller supplies (time is an input). */
export type SignUpRequest = z.input<typeof SignUpInput> & { now: Date };

export interface SignedUpUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  /** Connects granted on sign-up (freelancers only; 0 for clients). */
  signupConnects: number;
}

const emailTaken = () => new DomainError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");

/**
 * Creates a client or freelancer account; a freelancer gets the sign-up connects in the same
 * transaction, so there is never a freelancer without them. Admins are made by the seed or another admin.
 */
export async function signUp(prisma: PrismaClient, input: SignUpRequest): Promise<SignedUpUser> {
  const data = SignUpInput.parse(input);
  const now = input.now;
  const passwordHash = await hashPassword(data.password);
  const existing = await prisma.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw emailTaken();
  try {
    return await runTransaction(prisma, async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash, createdAt: now },
        select: { id: true, email: true, name: true, role: true, createdAt: true },
      });
      const grant = user.role === "FREELANCER" ? await grantSignupConnects(tx, { userId: user.id, now }) : null;
      return { ...user, signupConnects: grant?.connects ?? 0 };
    });
  } catch (error) {
    // Two sign-ups with one email at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw emailTaken();
    throw error;
  }
}
