import { z } from "zod";

export const ZAccountPage = z.object({
  name: z.string(),
  email: z.string(),
  role: z.enum(["CLIENT", "FREELANCER", "ADMIN"]),
  emailVerifiedAt: z.date().nullable(),
  pendingEmail: z.string().nullable(),
  waitsForConfirmation: z.array(z.string()),
  sessions: z.array(
    z.object({ id: z.string(), browser: z.string(), ip: z.string(), signedInAt: z.date(), lastSeenAt: z.date(), current: z.boolean() }),
  ),
  now: z.date(),
});

export const ZChangedName = z.object({ name: z.string() });
export const ZRequestedEmailChange = z.object({ pendingEmail: z.string() });
export const ZSentConfirmation = z.object({ email: z.string() });
export const ZEndedSession = z.object({ sessionId: z.string() });
