import type { JoinedMeetingDto, JoinMeetingRequest, JoinPreviewDto } from '@podium/contracts';
import { useEffect, useState } from 'react';
import { isApiError } from '@/shared/api/api-error';
import { http, segment } from '@/shared/api/http-client';

// Plain fetch and state, no query cache: the attendee's pages make two requests, and the cache
// library would be a tenth of their script.

/** A preview seen in the last 30 s is shown again without asking (typing a code back and forth). */
const PREVIEW_FRESH_MS = 30_000;
const previews = new Map<string, { preview: JoinPreviewDto; at: number }>();

/** What is known of one code's preview: nothing yet, the meeting, or why not. */
interface PreviewState {
  code: string | null;
  data?: JoinPreviewDto;
  error?: unknown;
  isError: boolean;
}

const NOTHING_YET: PreviewState = { code: null, isError: false };

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
  const [state, setState] = useState<PreviewState>(NOTHING_YET);
  useEffect(() => {
    if (code === null) return;
    const fresh = previews.get(code);
    if (fresh && Date.now() - fresh.at < PREVIEW_FRESH_MS) {
      setState({ code, data: fresh.preview, isError: false });
      return;
    }
    const abort = new AbortController();
    setState({ code, isError: false });
    fetchPreview(code, abort.signal).then(
      (preview) => {
        previews.set(code, { preview, at: Date.now() });
        setState({ code, data: preview, isError: false });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ code, error, isError: true });
      },
    );
    return () => abort.abort();
  }, [code]);
  // A result for the code typed before is not this code's.
  return state.code === code && code !== null ? state : NOTHING_YET;
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
