import type { MediaDto } from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, CLIENT_ERROR_CODES, isApiErrorDto, parseRetryAfter } from '@/shared/api/api-error';
import { http, segment } from '@/shared/api/http-client';

const mediaPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/media`;

export const mediaQueryKey = (workspaceId: string) => ['workspaces', workspaceId, 'bots', 'media'] as const;

/** Where the browser (and overlays) load a stored file from: public, by its unguessable id. */
export const mediaFileUrl = (mediaId: string): string => `/api/media/${segment(mediaId)}`;

export const mediaQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: mediaQueryKey(workspaceId),
    queryFn: ({ signal }) => http.get<MediaDto[]>(mediaPath(workspaceId), signal),
  });

/** The workspace's media library (alerts and revolutions pick from it). */
export function useMediaLibrary(workspaceId: string) {
  return useQuery(mediaQueryOptions(workspaceId));
}

/**
 * Sends one file as `multipart/form-data` (field `file`): the JSON client cannot, and the browser
 * must set the boundary itself, so no Content-Type header here. Failures become the same
 * `ApiError` the JSON client throws.
 */
export async function uploadMedia(
  workspaceId: string,
  file: Blob,
  fileName: string,
  fetchImpl: typeof fetch = fetch,
): Promise<MediaDto> {
  const body = new FormData();
  body.append('file', file, fileName);
  let response: Response;
  try {
    response = await fetchImpl(`/api${mediaPath(workspaceId)}`, {
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
  if (response.ok && payload !== undefined) return payload as MediaDto;
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

export function useUploadMedia(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadMedia(workspaceId, file, file.name),
    onSuccess: (media) => {
      queryClient.setQueryData<MediaDto[]>(mediaQueryKey(workspaceId), (list) =>
        list ? [media, ...list.filter((item) => item.id !== media.id)] : list,
      );
      void queryClient.invalidateQueries({ queryKey: mediaQueryKey(workspaceId) });
    },
  });
}

export function useDeleteMedia(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mediaId: string) => http.delete(`${mediaPath(workspaceId)}/${segment(mediaId)}`),
    onSuccess: (_nothing, mediaId) => {
      queryClient.setQueryData<MediaDto[]>(mediaQueryKey(workspaceId), (list) =>
        list?.filter((item) => item.id !== mediaId),
      );
    },
  });
}
