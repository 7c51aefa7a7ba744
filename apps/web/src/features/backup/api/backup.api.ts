import type {
  BackupFileDto,
  BackupScheduleDto,
  BackupsDto,
  ImportResultDto,
  UpdateBackupScheduleRequest,
} from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '@/shared/api/upload-file';
import { http, segment } from '@/shared/api/http-client';

const workspacePath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}`;

export const backupsQueryKey = (workspaceId: string) => ['workspaces', workspaceId, 'backups'] as const;

/** The download link of the whole workspace (the browser saves it: the server sends an attachment). */
export const exportUrl = (workspaceId: string): string => `/api${workspacePath(workspaceId)}/export`;

/** The download link of one backup file. */
export const backupFileUrl = (workspaceId: string, name: string): string =>
  `/api${workspacePath(workspaceId)}/backups/${segment(name)}`;

export const backupsQueryOptions = (workspaceId: string) =>
  queryOptions({
    queryKey: backupsQueryKey(workspaceId),
    queryFn: ({ signal }) => http.get<BackupsDto>(`${workspacePath(workspaceId)}/backups`, signal),
  });

export function useBackups(workspaceId: string) {
  return useQuery(backupsQueryOptions(workspaceId));
}

export function useUpdateBackupSchedule(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateBackupScheduleRequest) =>
      http.put<BackupScheduleDto>(`${workspacePath(workspaceId)}/backups/schedule`, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backupsQueryKey(workspaceId) }),
  });
}

export function useBackupNow(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<BackupFileDto>(`${workspacePath(workspaceId)}/backups`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backupsQueryKey(workspaceId) }),
  });
}

/** Uploads an export (multipart field `file`) as a new workspace. */
export function importWorkspace(
  file: Blob,
  fileName: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ImportResultDto> {
  return uploadFile<ImportResultDto>('/api/workspaces/import', file, fileName, fetchImpl);
}

export function useImportWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importWorkspace(file, file.name),
    // The new workspace shows up in the switcher (the user's memberships).
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
