import type { JoinedMeetingDto, JoinMeetingRequest, JoinPreviewDto } from '@podium/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { isApiError } from '@/shared/api/api-error';
import { http, segment } from '@/shared/api/http-client';

// Plain fetch and a small store, no query cache: the attendee's pages make two requests, and the
// cache library would be a tenth of their script.

/** A preview seen in the last 30 s is shown again without asking (typing a code back and forth). */
const PREVIEW_FRESH_MS = 30_000;

/** What is known of one code's preview: nothing yet, the meeting, or why not. */
interface PreviewState {
  code: string | null;
  data?: JoinPreviewDto;
  error?: unknown;
  isError: boolean;
}

const NOTHING_YET: PreviewState = { code: null, isError: false };

/**
 * The previews asked for in this tab, by code, outside React (read with useSyncExternalStore):
 * `at` is when a meeting came back, absent while asking or after an error.
 */
const previews = new Map<string, { state: PreviewState; at?: number }>();
const previewListeners = new Set<() => void>();

function setPreview(code: string, state: PreviewState, at?: number): void {
  previews.set(code, { state, at });
  for (const listener of previewListeners) listener();
}

function subscribePreviews(listener: () => void): () => void {
  previewListeners.add(listener);
  return () => void previewListeners.delete(listener);
}

async function fetchPreview(code: string, signal: AbortSignal): Promise<JoinPreviewDto> {
  try {
    return await http.get<JoinPreviewDto>(`/join/${segment(code)}`, signal);
  } catch (error) {
    // A 404 will not heal by asking again; a network blip is retried once.
    if (signal.aborted || (isApiError(error) && error.statusCode === 404)) throw error;
    return http.get<JoinPreviewDto>(`/join/${segment(code)}`, signal);
  }
}

/** `GET /api/join/:code` (public): the meeting's title before asking for a nickname. */
export function useJoinPreview(code: string | null) {
  const state = useSyncExternalStore(subscribePreviews, () =>
    code === null ? NOTHING_YET : (previews.get(code)?.state ?? NOTHING_YET),
  );
  useEffect(() => {
    if (code === null) return;
    const at = previews.get(code)?.at;
    if (at !== undefined && Date.now() - at < PREVIEW_FRESH_MS) return;
    const abort = new AbortController();
    setPreview(code, { code, isError: false });
    fetchPreview(code, abort.signal).then(
      (preview) => setPreview(code, { code, data: preview, isError: false }, Date.now()),
      (error: unknown) => {
        if (!abort.signal.aborted) setPreview(code, { code, error, isError: true });
      },
    );
    return () => abort.abort();
  }, [code]);
  return state;
}

interface JoinCallbacks {
  onSuccess: (joined: JoinedMeetingDto) => void;
  onError: (error: unknown) => void;
}

/** `POST /api/join` (public): a nickname in, a signed attendee token out. */
export function useJoinMeeting() {
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mutate = (request: JoinMeetingRequest, callbacks: JoinCallbacks) => {
    setPending(true);
    setError(null);
    http.post<JoinedMeetingDto>('/join', request).then(
      (joined) => {
        setPending(false);
        callbacks.onSuccess(joined);
      },
      (failure: unknown) => {
        setPending(false);
        setError(failure);
        callbacks.onError(failure);
      },
    );
  };
  return { mutate, isPending, error };
}
