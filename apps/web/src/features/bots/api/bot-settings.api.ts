import type { BotSettingsDto, UpdateBotSettingsRequest } from '@podium/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '@/shared/api/http-client';
import { botsKeys, botsPath } from './bots-shell.api';

/** The workspace's bot settings (the command prefix). */
export function useBotSettings(workspaceId: string) {
  return useQuery({
    queryKey: botsKeys.settings(workspaceId),
    queryFn: ({ signal }) => http.get<BotSettingsDto>(botsPath(workspaceId, 'settings'), signal),
  });
}

export function useUpdateBotSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateBotSettingsRequest) =>
      http.put<BotSettingsDto>(botsPath(workspaceId, 'settings'), request),
    onSuccess: (saved) => queryClient.setQueryData(botsKeys.settings(workspaceId), saved),
  });
}
