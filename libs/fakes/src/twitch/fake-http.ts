import type { IncomingMessage, ServerResponse } from 'node:http';

/** One parsed request as the fake's route handlers see it. */
export interface FakeRequest {
  method: string;
  path: string;
  url: URL;
  /** Query and (for form posts) body parameters, first value of each. */
  params: Record<string, string>;
  /** All values of repeatable query parameters (`id=1&id=2`). */
  all(name: string): string[];
  headers: IncomingMessage['headers'];
  rawBody: string;
  json: unknown;
}

export async function readRequest(request: IncomingMessage): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  const url = new URL(request.url ?? '/', 'http://localhost');
  const params: Record<string, string> = {};
  url.searchParams.forEach((value, key) => (params[key] ??= value));
  const type = request.headers['content-type'] ?? '';
  let json: unknown;
  if (type.includes('application/x-www-form-urlencoded')) {
    new URLSearchParams(rawBody).forEach((value, key) => (params[key] ??= value));
  } else if (rawBody !== '') {
    try {
      json = JSON.parse(rawBody);
    } catch {
      json = undefined;
    }
  }
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    url,
    params,
    all: (name) => url.searchParams.getAll(name),
    headers: request.headers,
    rawBody,
    json,
  };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** Helix's error envelope: `{"error": "Bad Request", "status": 400, "message": "..."}`. */
export function sendHelixError(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error: STATUS_TEXT[status] ?? 'Error', status, message }, headers);
}

/** The id.twitch.tv error envelope: `{"status": 400, "message": "..."}`. */
export function sendAuthError(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { status, message });
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
};
