import type {
  BackupFileDto,
  BackupScheduleDto,
  BackupsDto,
  ImportResultDto,
  UpdateBackupScheduleRequest,
} from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, CLIENT_ERROR_CODES, isApiErrorDto, parseRetryAfter } from '@/shared/api/api-error';
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

/**
 * Uploads an export (multipart field `file`) as a new workspace. The JSON client cannot send
 * multipart; failures become the same ApiError it throws.
 */
export async function importWorkspace(
  file: Blob,
  fileName: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ImportResultDto> {
  const body = new FormData();
  body.append('file', file, fileName);
  let response: Response;
  try {
    response = await fetchImpl('/api/workspaces/import', {
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
  if (response.ok && payload !== undefined) return payload as ImportResultDto;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (isApiErrorDto(payload)) throw new ApiError(payload, { retryAfterSeconds });
  throw new ApiError(
    {
      statusCode: response.status,
      code: CLIENT_ERROR_CODES.badResponse,
      message: response.statusText || `Import failed with status ${response.status}.`,
    },
    { retryAfterSeconds },
  );
}

export function useImportWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importWorkspace(file, file.name),
    // The new workspace shows up in the switcher (the user's memberships).
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
