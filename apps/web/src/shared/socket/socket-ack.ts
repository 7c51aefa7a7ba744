import type { Ack, ApiErrorDto } from '@podium/contracts';

/** How long a request waits for its acknowledgement. */
export const ACK_TIMEOUT_MS = 8_000;
/** The pause before asking for a snapshot again after a failed `meeting.join`. */
export const JOIN_RETRY_MS = 3_000;

/** Made-up ack errors for what never reached the server; statusCode 0 like the HTTP client's. */
export const OFFLINE_ERROR: ApiErrorDto = {
  statusCode: 0,
  code: 'client.network_unreachable',
  message: 'Not connected to the server.',
};
export const TIMEOUT_ERROR: ApiErrorDto = {
  statusCode: 0,
  code: 'client.timeout',
  message: 'The server did not answer in time.',
};

/** Asking again cannot help: no access to this meeting, or it does not exist. */
export const isFinalJoinError = (error: ApiErrorDto) => [401, 403, 404].includes(error.statusCode);

/**
 * One request with its ack; never rejects: an unreachable server (not `connected`) or a timeout is
 * an error ack like any other.
 */
export function requestAck<T>(
  connected: boolean,
  send: (done: (err: Error | null, ack: Ack<T>) => void) => void,
): Promise<Ack<T>> {
  return new Promise((resolve) => {
    if (!connected) {
      resolve({ ok: false, error: OFFLINE_ERROR });
      return;
    }
    send((err, ack) => resolve(err ? { ok: false, error: TIMEOUT_ERROR } : ack));
  });
}
