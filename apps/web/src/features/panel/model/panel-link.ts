/** Whether the page runs inside an iframe (Owncast's external action). */
export function isEmbedded(win: Pick<Window, 'self' | 'top'> = window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    // A cross-origin parent cannot be compared: that is an iframe too.
    return true;
  }
}

const TOKEN = /^[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{20,100}$/;

/**
 * The token of a `!panel` link as a viewer pastes it: the whole link (`https://…/p/<token>`), the
 * path, or the token alone; surrounding spaces and punctuation chat may add are ignored.
 * Null when it does not look like a panel link.
 */
export function tokenFromLink(input: string): string | null {
  const trimmed = input.trim().replace(/^[<("']+|[>)"'.,;!?]+$/g, '');
  const fromPath = /\/p\/([^/?#\s]+)/.exec(trimmed);
  const candidate = fromPath?.[1] ?? trimmed;
  return TOKEN.test(candidate) ? candidate : null;
}

export const panelPaths = {
  panel: (workspaceId: string) => `/panel/${encodeURIComponent(workspaceId)}`,
  signIn: (token: string) => `/p/${encodeURIComponent(token)}`,
};
