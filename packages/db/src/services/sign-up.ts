import { z } from "zod";
import type { PrismaClient, Role } from "../client";
import { hashPassword } from "../auth/password";
import { DomainError } from "../errors";

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

export interface SignedUpUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

/** Creates a client or freelancer account. Admins are made by the seed or another admin. */
export async function signUp(prisma: PrismaClient, input: SignUpInput): Promise<SignedUpUser> {
  const data = SignUpInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  const existing = await prisma.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new DomainError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");
  try {
    return await prisma.user.create({
      data: { email: data.email, name: data.name, role: data.role, passwordHash },
      select: { id: true, email: true, name: true, role: true, createdAt: true },
    });
  } catch (error) {
    // Two sign-ups with one email at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") {
      throw new DomainError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}
