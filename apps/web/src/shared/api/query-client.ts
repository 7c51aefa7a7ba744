import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/** Retries only what may succeed on a second try: the network and 5xx, never a 4xx answer. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isApiError(error)) return true;
  return error.statusCode === 0 || error.statusCode >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}

/** The app's one cache: the socket module invalidates keys in it when the server pushes a change. */
export const queryClient = createQueryClient();
