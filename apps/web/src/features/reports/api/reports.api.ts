import type { ReportDto, ReportKind, ReportListDto } from '@podium/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';

const reportsPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/reports`;

/** Everything of the Reports page sits under this prefix. */
export const reportsKeys = {
  all: (workspaceId: string) => ['workspaces', workspaceId, 'reports'] as const,
  list: (workspaceId: string, kind: ReportKind | null) =>
    ['workspaces', workspaceId, 'reports', 'list', kind ?? 'all'] as const,
  one: (workspaceId: string, reportId: string) => ['workspaces', workspaceId, 'reports', reportId] as const,
};

export const reportsQueryOptions = (workspaceId: string, kind: ReportKind | null) =>
  queryOptions({
    queryKey: reportsKeys.list(workspaceId, kind),
    queryFn: ({ signal }) =>
      http.get<ReportListDto>(`${reportsPath(workspaceId)}?limit=100${kind ? `&kind=${kind}` : ''}`, signal),
  });

export function useReports(workspaceId: string, kind: ReportKind | null) {
  return useQuery(reportsQueryOptions(workspaceId, kind));
}

export function useReport(workspaceId: string, reportId: string) {
  return useQuery({
    queryKey: reportsKeys.one(workspaceId, reportId),
    queryFn: ({ signal }) => http.get<ReportDto>(`${reportsPath(workspaceId)}/${segment(reportId)}`, signal),
  });
}

export function useRecomputeReport(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reportId: string) =>
      http.post<ReportDto>(`${reportsPath(workspaceId)}/${segment(reportId)}/recompute`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportsKeys.all(workspaceId) }),
  });
}

/** Where the browser downloads a report (same origin, the session cookie authenticates). */
export function reportDownloadUrl(workspaceId: string, reportId: string, format: 'csv' | 'json'): string {
  return `/api${reportsPath(workspaceId)}/${segment(reportId)}/export?format=${format}`;
}
