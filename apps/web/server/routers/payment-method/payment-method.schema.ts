import { z } from "zod";

export const ZPaymentMethod = z.object({
  id: z.string(),
  brand: z.string(),
  last4: z.string(),
  status: z.enum(["REQUIRES_VERIFICATION", "VERIFIED", "FAILED"]),
  verifiedAt: z.date().nullable(),
});

export const ZListPaymentMethodsOutput = z.object({
  methods: z.array(ZPaymentMethod.extend({ createdAt: z.date() })),
  paymentVerified: z.boolean(),
});
