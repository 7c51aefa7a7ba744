import type {
  ChatEvent,
  ChatLogDto,
  SendChatMessageRequest,
  SendChatMessageResponse,
} from '@podium/contracts';
import { useMutation } from '@tanstack/react-query';
import { http, segment } from '@/shared/api/http-client';
import { type ChatFilter, chatLogSearch } from '../model/chat-filter';

const chatPath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/chat`;

/** One page of the merged log, newest last; `before` pages back from that event. */
export type FetchChatPage = (
  filter: ChatFilter,
  limit: number,
  before?: string,
) => Promise<readonly ChatEvent[]>;

/**
 * The log is not cached by react-query: it is merged with live pushes in the page's own store,
 * which the fetches feed.
 */
export function chatPageFetcher(workspaceId: string): FetchChatPage {
  return async (filter, limit, before) => {
    const log = await http.get<ChatLogDto>(
      `${chatPath(workspaceId)}/events?${chatLogSearch(filter, limit, before)}`,
    );
    return log.events;
  };
}

/** Moderators and owners: send as the bot to every connection, or to the chosen ones. */
export function useSendChatMessage(workspaceId: string) {
  return useMutation({
    mutationFn: (request: SendChatMessageRequest) =>
      http.post<SendChatMessageResponse>(`${chatPath(workspaceId)}/messages`, request),
  });
}
