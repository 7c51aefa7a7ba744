/**
 * The pushes that reach a client while its `meeting.join` is in flight. The server enters the
 * meeting's rooms before it reads the snapshot, so a command committed just after that read is
 * pushed before the join's answer leaves: applied then, the push is dropped (no snapshot yet) or
 * overwritten by the older snapshot, and the client waits on a stale phase. So each push in that
 * window is applied now and again on top of the snapshot; versions make the older ones no-ops.
 */
export interface JoinWindow {
  /** A `meeting.join` was sent: keep pushes until its snapshot (a retry keeps the same window). */
  open: () => void;
  /** Applies a push now and, while a join is in flight, keeps it for the snapshot. */
  push: (apply: () => void) => void;
  /**
   * The join's snapshot was applied: applies the kept pushes again, in order. Returns true when
   * more came than are kept, so the caller should join again.
   */
  close: () => boolean;
  /** The join gave up or the follower stopped: nothing to apply again. */
  cancel: () => void;
}

/** At a few pushes a second, a join answered within its timeout never comes near this. */
export const JOIN_WINDOW_LIMIT = 200;

export function createJoinWindow(limit: number = JOIN_WINDOW_LIMIT): JoinWindow {
  let kept: (() => void)[] | null = null;
  let overflowed = false;
  const cancel = () => {
    kept = null;
    overflowed = false;
  };
  return {
    open: () => {
      kept ??= [];
    },
    push: (apply) => {
      apply();
      if (kept === null) return;
      if (kept.length < limit) kept.push(apply);
      else overflowed = true;
    },
    close: () => {
      const replay = kept ?? [];
      const rejoin = overflowed;
      // Cleared first: a push applied again may ask for a new join, which opens its own window.
      cancel();
      for (const apply of replay) apply();
      return rejoin;
    },
    cancel,
  };
}
