import type { RevolutionProgressDto } from '@podium/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useOrganizerSocket } from '@/shared/socket/use-organizer-socket';
import { connectRevolutionsProgress, type RevolutionsLive } from '../api/revolutions-live';
import { createRevolutionsProgressStore, revolutionState } from '../model/revolutions-progress';

/**
 * Every revolution bot's progress, live: a store of the tab's own fed by the organizer socket,
 * and a clock (server-corrected) that ticks while some bot cools down.
 */
export function useRevolutionsProgress(workspaceId: string) {
  const [store] = useState(createRevolutionsProgressStore);
  const [offsetMs, setOffsetMs] = useState(0);
  const byId = useStore(store, (state) => state.byId);
  const [now, setNow] = useState(() => Date.now());
  const live = useRef<RevolutionsLive | null>(null);

  useOrganizerSocket(
    (socket) => {
      const connection = connectRevolutionsProgress(socket, store, workspaceId, (serverTime) =>
        setOffsetMs(Date.parse(serverTime) - Date.now()),
      );
      live.current = connection;
      return () => {
        connection.stop();
        live.current = null;
      };
    },
    [workspaceId, store],
  );

  const cooling = Object.values(byId).some(
    (item) => item.cooldownUntil !== null && Date.parse(item.cooldownUntil) > now + offsetMs,
  );
  useEffect(() => {
    if (!cooling) return;
    // Only redraws the countdown; nothing is scheduled on the server's behalf.
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [cooling]);

  /** A bot was created or edited: its progress comes with the next snapshot. */
  const resync = useCallback(() => void live.current?.resync(), []);

  return { byId, now: now + offsetMs, resync };
}

/** A bot's bar (count of threshold) or its cooldown. */
export function RevolutionProgressBar({
  progress,
  now,
}: {
  progress: RevolutionProgressDto | undefined;
  now: number;
}) {
  const { t } = useTranslation();
  if (!progress) return <p className="muted revolution-progress">{t('botAlerts.revolutions.noProgress')}</p>;
  const state = revolutionState(progress, now);
  if (state.phase === 'cooling') {
    return (
      <p className="revolution-progress revolution-progress--cooling" data-testid="revolution-cooling">
        {t('botAlerts.revolutions.cooling', { seconds: state.secondsLeft })}
      </p>
    );
  }
  return (
    <div className="revolution-progress" data-testid="revolution-progress">
      <progress
        className="revolution-progress__bar"
        max={state.threshold}
        value={state.count}
        aria-label={t('botAlerts.revolutions.progressLabel', { name: progress.name })}
      />
      <span className="revolution-progress__text">
        {t('botAlerts.revolutions.progress', {
          hits: state.count,
          threshold: state.threshold,
          percent: state.percent,
        })}
      </span>
    </div>
  );
}
