import { z } from "zod";
import { IdempotencyKey } from "@fairlance/db";

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

export const ZAddPaymentMethodInput = z.object({
  idempotencyKey: IdempotencyKey,
  card: z.object({
    number: z.string().trim().min(12, "Enter the whole card number.").max(23, "That card number is too long."),
    expMonth: z.number().int().min(1, "The expiry month is 1 to 12.").max(12, "The expiry month is 1 to 12."),
    expYear: z.number().int().min(2000, "Enter the expiry year like 2030.").max(2100, "Enter the expiry year like 2030."),
    cvc: z.string().trim().min(3, "The security code has 3 or 4 digits.").max(4, "The security code has 3 or 4 digits."),
  }),
});

export const ZVerifyPaymentMethodInput = z.object({
  idempotencyKey: IdempotencyKey,
  paymentMethodId: z.uuid(),
  code: z.string().trim().min(1, "Enter the verification code.").max(20),
});
