import { ApiError, CLIENT_ERROR_CODES, isApiErrorDto, parseRetryAfter } from './api-error';

/**
 * POSTs one file as `multipart/form-data` (field `file`) to an `/api` path and reads the JSON answer.
 * The JSON client cannot send multipart, and the browser must set the boundary itself, so there is
 * no Content-Type header here. Failures become the same `ApiError` the JSON client throws.
 */
export async function uploadFile<T>(
  apiPath: string,
  file: Blob,
  fileName: string,
  fetchImpl: typeof fetch = fetch,
): Promise<T> {
  const body = new FormData();
  body.append('file', file, fileName);
  let response: Response;
  try {
    response = await fetchImpl(apiPath, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      body,
    });
  } catch (cause) {
    throw new ApiError(
      { statusCode: 0, code: CLIENT_ERROR_CODES.network, message: 'The server could not be reached.' },
      { cause },
    );
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    payload = undefined;
  }
  if (response.ok && payload !== undefined) return payload as T;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (isApiErrorDto(payload)) throw new ApiError(payload, { retryAfterSeconds });
  throw new ApiError(
    {
      statusCode: response.status,
      code: CLIENT_ERROR_CODES.badResponse,
      message: response.statusText || `Upload failed with status ${response.status}.`,
    },
    { retryAfterSeconds },
  );
}
