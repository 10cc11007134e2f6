import { z } from "zod";

export const ZSignUpOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["CLIENT", "FREELANCER", "ADMIN"]),
});
