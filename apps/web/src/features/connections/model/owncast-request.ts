import type { ConnectOwncastRequest } from '@podium/contracts';

/** The Owncast form's inputs, by contract field name. */
export const OWNCAST_FIELDS = ['instanceUrl', 'accessToken', 'webhookSecret'] as const;

/** The request as the contract wants it: an empty optional secret is left out, not sent as ''. */
export function owncastRequest(
  values: Record<(typeof OWNCAST_FIELDS)[number], string>,
): ConnectOwncastRequest {
  const request: ConnectOwncastRequest = {
    instanceUrl: values.instanceUrl.trim(),
    accessToken: values.accessToken.trim(),
  };
  const secret = values.webhookSecret.trim();
  if (secret) request.webhookSecret = secret;
  return request;
}
