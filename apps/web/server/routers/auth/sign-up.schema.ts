import { z } from "zod";
import { SignUpInput } from "@fairlance/db/services";

export const ZSignUpInput = SignUpInput;
export const ZSignUpOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["CLIENT", "FREELANCER", "ADMIN"]),
});
