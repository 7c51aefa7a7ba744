import { recordTestSecret } from '../test-secrets';

/**
 * Ko-fi's webhook as it arrives (ko-fi.com/manage/webhooks): a POST with
 * `Content-Type: application/x-www-form-urlencoded` and one form field `data` holding the payment
 * JSON as a string. Ko-fi signs nothing; the payload's `verification_token` is the only proof.
 */

export interface KofiWebhookResponse {
  status: number;
  body: unknown;
  /** The exact form body posted. */
  sentBody: string;
}

/** The url-encoded form Ko-fi posts: `data=<JSON>`, spaces as `+` (WHATWG form encoding). */
export function kofiFormBody(data: string): string {
  return new URLSearchParams({ data }).toString();
}

/**
 * Posts one delivery like Ko-fi. `data` is the payment object (serialized here) or the JSON string
 * itself (a recorded request's `form.data`, or something malformed). `rawBody` replaces the whole
 * form (a delivery without the `data` field, say).
 */
export async function postKofiWebhook(
  url: string,
  data: Record<string, unknown> | string,
  options: { rawBody?: string } = {},
): Promise<KofiWebhookResponse> {
  const sentBody = options.rawBody ?? kofiFormBody(typeof data === 'string' ? data : JSON.stringify(data));
  recordTestSecret('kofi-webhook-key', new URL(url).pathname.split('/').at(-1));
  if (typeof data === 'object')
    recordTestSecret('kofi-verification-token', String(data['verification_token'] ?? ''));
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: sentBody,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body, sentBody };
}
