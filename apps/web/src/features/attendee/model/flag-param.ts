import type { KeyValueStorage } from './attendee-session';

/** A flag QR code opens the join page with `?flag=CODE`: kept until the attendee is in the meeting. */
export const FLAG_PARAM = 'flag';

const PENDING_KEY = 'podium.attendee.v1.pendingFlag';
/** A code scanned long ago was meant for another moment (or another meeting): it is dropped. */
export const PENDING_FLAG_TTL_MS = 2 * 60 * 60 * 1000;

/** The same shape the server accepts for flag codes (FlagCodeSchema): trimmed, upper-cased. */
export function normalizeFlagParam(raw: string | null | undefined): string | null {
  const code = (raw ?? '').trim().toUpperCase();
  return /^[A-Z0-9_-]{3,40}$/.test(code) ? code : null;
}

/** The flag code in a query string (`?flag=…`), or null when there is none or it cannot be one. */
export function readFlagParam(search: string): string | null {
  return normalizeFlagParam(new URLSearchParams(search).get(FLAG_PARAM));
}

/** The same query string without the flag, so a reload or a shared link does not capture it again. */
export function withoutFlagParam(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(FLAG_PARAM);
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

export function rememberPendingFlag(storage: KeyValueStorage, code: string, now: number): void {
  storage.setItem(PENDING_KEY, JSON.stringify({ code, savedAt: now }));
}

export function pendingFlag(storage: KeyValueStorage, now: number): string | null {
  const raw = storage.getItem(PENDING_KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { code?: unknown; savedAt?: unknown };
    const code = typeof value.code === 'string' ? normalizeFlagParam(value.code) : null;
    const savedAt = typeof value.savedAt === 'number' ? value.savedAt : Number.NaN;
    if (code && now - savedAt >= 0 && now - savedAt < PENDING_FLAG_TTL_MS) return code;
  } catch {
    // Unreadable: dropped below.
  }
  storage.removeItem(PENDING_KEY);
  return null;
}

export function clearPendingFlag(storage: KeyValueStorage): void {
  storage.removeItem(PENDING_KEY);
}
