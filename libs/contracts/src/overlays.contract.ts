import { z } from 'zod';

/** The overlay pages OBS can load as browser sources: `/overlay/<kind>?token=…`. */
export const OVERLAY_KINDS = [
  'test',
  'question',
  'wordcloud',
  'scoreboard',
  'alerts',
  'revolution',
  'goal',
  'vote',
  'redeems',
  'obs',
] as const;
export const OverlayKindSchema = z.enum(OVERLAY_KINDS);
export type OverlayKind = z.infer<typeof OverlayKindSchema>;

export const CreateOverlayTokenRequestSchema = z.object({
  label: z.string().trim().min(1, { message: 'is required' }).max(80),
});
export type CreateOverlayTokenRequest = z.input<typeof CreateOverlayTokenRequestSchema>;

export interface OverlayTokenDto {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Returned once, at creation: only a hash is stored. */
export interface CreatedOverlayTokenDto extends OverlayTokenDto {
  token: string;
}
