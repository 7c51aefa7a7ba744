import { KOFI_PAYMENT_TYPES } from '@podium/contracts';
import { z } from 'zod';

/**
 * The JSON Ko-fi puts in the form field `data` of a webhook (ko-fi.com/manage/webhooks). Only the
 * fields Podium reads are declared; unknown keys (discord_username, shipping…) are dropped, so the
 * shipping address of a shop order is never kept.
 */
export const KofiPaymentSchema = z.object({
  verification_token: z.string().min(1).max(500),
  message_id: z.string().min(1).max(200),
  /** e.g. `2022-08-21T13:04:30Z`. */
  timestamp: z.string().min(1).max(100),
  type: z.enum(KOFI_PAYMENT_TYPES),
  is_public: z.boolean().nullish(),
  from_name: z.string().max(500).nullish(),
  message: z.string().max(10_000).nullish(),
  /** A decimal as a string, e.g. "5.00". */
  amount: z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,8})?$/, { message: 'is not an amount' }),
  url: z.string().max(2000).nullish(),
  email: z.string().max(500).nullish(),
  currency: z.string().trim().min(1).max(10),
  is_subscription_payment: z.boolean().nullish(),
  is_first_subscription_payment: z.boolean().nullish(),
  kofi_transaction_id: z.string().trim().min(1).max(200),
  tier_name: z.string().max(200).nullish(),
});
export type KofiPaymentPayload = z.infer<typeof KofiPaymentSchema>;
