import { z } from 'zod';

/** What a public API token may do. Each v1 route requires one (or none, for `whoami`). */
export const API_SCOPES = [
  'meetings:read',
  'meetings:write',
  'meetings:control',
  'points:read',
  'points:write',
  'rewards:read',
  'rewards:write',
  'queue:read',
  'queue:write',
  'chat:send',
  'bots:write',
  'webhooks:write',
  'reports:read',
  'export:read',
] as const;
export const ApiScopeSchema = z.enum(API_SCOPES);
export type ApiScope = z.infer<typeof ApiScopeSchema>;

/** Every secret token starts with this, so leaked ones are easy to spot (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'pod_';

/** `POST /api/workspaces/:workspaceId/api-tokens` (owner). */
export const CreateApiTokenRequestSchema = z.object({
  /** A label for people: where the token is used ("Stream Deck", "Discord bot"). */
  name: z.string().trim().min(1, { message: 'is required' }).max(80),
  /** At least one scope; duplicates are collapsed. */
  scopes: z
    .array(ApiScopeSchema)
    .min(1, { message: 'needs at least one scope' })
    .max(API_SCOPES.length * 2)
    .transform((scopes) => [...new Set(scopes)]),
  /** ISO date-time after which the token stops working; null or absent = never. Must be in the future. */
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO date-time' })
    .nullable()
    .optional()
    .refine((value) => value == null || Date.parse(value) > Date.now(), { message: 'must be in the future' }),
});
export type CreateApiTokenRequest = z.input<typeof CreateApiTokenRequestSchema>;

/** A token as listed: never its secret. */
export interface ApiTokenDto {
  id: string;
  workspaceId: string;
  name: string;
  scopes: ApiScope[];
  /** The first characters of the secret (`pod_AbCd`), to tell tokens apart. */
  prefix: string;
  createdAt: string;
  /** Null: never expires. */
  expiresAt: string | null;
  /** Updated at most once a minute. */
  lastUsedAt: string | null;
  /** Null while active. */
  revokedAt: string | null;
  /** Derived: revoked, expired, or active. */
  status: 'active' | 'expired' | 'revoked';
}

/** Returned once, at creation: only a SHA-256 hash of `token` is stored. */
export interface CreatedApiTokenDto extends ApiTokenDto {
  /** `pod_` + 43 base64url characters. Send it as `Authorization: Bearer <token>`. */
  token: string;
}

/** `GET /api/v1/workspaces/:workspaceId/whoami`: what the calling token is. */
export interface ApiWhoamiDto {
  tokenId: string;
  workspaceId: string;
  name: string;
  scopes: ApiScope[];
  expiresAt: string | null;
}
