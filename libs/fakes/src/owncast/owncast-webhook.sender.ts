import { createHmac } from 'node:crypto';
import { recordTestSecret } from '../test-secrets';

export interface OwncastWebhookDelivery {
  /** The webhook secret: signs like Owncast ≥ 0.3.0. Without it the delivery is unsigned, like older releases. */
  secret?: string;
  /** Unix seconds to sign with (now by default): set it in the past to send a stale delivery. */
  signedAt?: number;
  /** Send this header verbatim instead of a computed signature (forgeries, malformed headers). */
  signatureHeader?: string;
  /** Send these bytes instead of the Go serialization of `body` (malformed or huge bodies). */
  rawBody?: string;
}

export interface OwncastWebhookResponse {
  status: number;
  body: unknown;
  /** The exact bytes posted, for tests that compare with what was recorded. */
  sentBody: string;
}

/**
 * Serializes like Go's encoding/json, which Owncast uses: compact, with <, >, &, U+2028 and
 * U+2029 escaped as \u003c, \u003e, \u0026, \u2028, \u2029. Signatures are over these bytes.
 */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `t=<seconds>.s=<hex HMAC-SHA256(secret, "<t>." + body)>`, as Owncast 0.3.0 signs a delivery. */
export function owncastSignatureHeader(secret: string, signedAt: number, rawBody: string): string {
  const hex = createHmac('sha256', secret).update(`${signedAt}.${rawBody}`).digest('hex');
  return `t=${signedAt}.s=${hex}`;
}

/** Posts one webhook delivery the way Owncast's webhook worker does (POST, application/json). */
export async function postOwncastWebhook(
  url: string,
  body: unknown,
  delivery: OwncastWebhookDelivery = {},
): Promise<OwncastWebhookResponse> {
  const sentBody = delivery.rawBody ?? goJson(body);
  recordTestSecret('owncast-webhook-key', new URL(url).pathname.split('/').at(-1));
  recordTestSecret('owncast-webhook-secret', delivery.secret);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (delivery.signatureHeader !== undefined) headers['owncast-signature'] = delivery.signatureHeader;
  else if (delivery.secret !== undefined) {
    const signedAt = delivery.signedAt ?? Math.floor(Date.now() / 1000);
    headers['owncast-signature'] = owncastSignatureHeader(delivery.secret, signedAt, sentBody);
  }
  const response = await fetch(url, { method: 'POST', headers, body: sentBody });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: parsed, sentBody };
}
