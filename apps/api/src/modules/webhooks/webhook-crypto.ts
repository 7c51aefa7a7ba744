import { createHash, createHmac, randomBytes } from 'node:crypto';
import { formatWebhookSignature, webhookSignedPayload } from '@podium/bots';

/** A new signing secret: `whsec_` and 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function secretHint(secret: string): string {
  return secret.slice(-4);
}

/** `Podium-Signature` for this body at this time: `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signWebhookBody(secret: string, body: string, timestampSeconds: number): string {
  const hex = createHmac('sha256', secret).update(webhookSignedPayload(timestampSeconds, body)).digest('hex');
  return formatWebhookSignature(timestampSeconds, [hex]);
}

/** The event id of a domain change: derived from its source key, so the same change has the same id. */
export function webhookEventId(workspaceId: string, sourceKey: string): string {
  return `evt_${createHash('sha256').update(`${workspaceId}\n${sourceKey}`).digest('hex').slice(0, 32)}`;
}
