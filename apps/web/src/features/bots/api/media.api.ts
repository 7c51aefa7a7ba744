import type { MediaDto } from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '@/shared/api/upload-file';
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

/** Uploads one file to the workspace's media library (multipart field `file`). */
export function uploadMedia(
  workspaceId: string,
  file: Blob,
  fileName: string,
  fetchImpl: typeof fetch = fetch,
): Promise<MediaDto> {
  return uploadFile<MediaDto>(`/api${mediaPath(workspaceId)}`, file, fileName, fetchImpl);
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
