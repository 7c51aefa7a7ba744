import type { AlertDto } from '@podium/contracts';
import { type CSSProperties, useEffect, useReducer, useState } from 'react';
import {
  type AlertsFeed,
  currentAlert,
  formatCountdown,
  initialAlertsFeed,
  msUntilNextChange,
  pruneEnded,
  reduceAlertsFeed,
  timerRemainingMs,
} from '../alerts-feed';
import { followAlerts } from '../alerts-socket';
import { OverlayFrame } from './overlay-frame';
import type { OverlayViewProps } from './overlay-view';

const COUNTDOWN_TICK_MS = 250;

// Styles live beside the view: the page is transparent, the alert centred, the countdown in a corner.
const ALERT_STYLE: CSSProperties = {
  position: 'fixed',
  inset: 0,
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  justifyContent: 'center',
  gap: '1rem',
  pointerEvents: 'none',
};
const MEDIA_STYLE: CSSProperties = { maxWidth: '60vw', maxHeight: '60vh', objectFit: 'contain' };
const TEXT_STYLE: CSSProperties = {
  margin: 0,
  fontSize: '2.5rem',
  fontWeight: 700,
  color: '#fff',
  textShadow: '0 2px 6px rgba(0, 0, 0, 0.8)',
  textAlign: 'center',
  overflowWrap: 'anywhere',
};
const TIMER_STYLE: CSSProperties = {
  position: 'fixed',
  top: '1rem',
  right: '1rem',
  padding: '0.25rem 0.75rem',
  borderRadius: '0.5rem',
  background: 'rgba(0, 0, 0, 0.6)',
  color: '#fff',
  fontSize: '2rem',
  fontVariantNumeric: 'tabular-nums',
};

function mediaUrl(id: string): string {
  return `/api/media/${encodeURIComponent(id)}`;
}

/** A local clock that wakes up exactly when the feed changes (next start or end) or the countdown ticks. */
function useFeedClock(feed: AlertsFeed): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const wait = msUntilNextChange(feed, now);
    const countdown = feed.timer !== null;
    if (wait === null && !countdown) return undefined;
    const delay = Math.max(
      0,
      Math.min(wait ?? Number.POSITIVE_INFINITY, countdown ? COUNTDOWN_TICK_MS : Number.POSITIVE_INFINITY),
    );
    const timer = setTimeout(() => setNow(Date.now()), delay + 5);
    return () => clearTimeout(timer);
  }, [feed, now]);
  return now;
}

/** `alerts`: queued alerts in turn (media, sound, text), and the `!timer` countdown in a corner. */
export function AlertsOverlay({ connection, channel, messages }: OverlayViewProps) {
  const [feed, dispatch] = useReducer(reduceAlertsFeed, initialAlertsFeed);
  const now = useFeedClock(feed);

  useEffect(() => (channel ? followAlerts(channel, dispatch) : undefined), [channel]);

  const live = pruneEnded(feed, now);
  const alert = currentAlert(live, now);
  const remaining = timerRemainingMs(live, now);

  return (
    <OverlayFrame connection={connection} messages={messages} kind="alerts">
      {alert ? <AlertView key={alert.id} alert={alert} /> : null}
      {remaining !== null ? (
        <div className="ov-alerts__timer" style={TIMER_STYLE} data-testid="overlay-alerts-timer">
          {formatCountdown(remaining)}
        </div>
      ) : null}
    </OverlayFrame>
  );
}

/** One alert; the text is rendered as text (React escapes it), never as HTML. */
function AlertView({ alert }: { alert: AlertDto }) {
  const isVideo = alert.mediaContentType?.startsWith('video/') ?? false;
  return (
    <section
      className="ov-alert"
      style={ALERT_STYLE}
      data-testid="overlay-alert"
      data-kind={alert.kind}
      data-alert-id={alert.id}
    >
      {alert.mediaId ? (
        isVideo ? (
          <video
            className="ov-alert__media"
            style={MEDIA_STYLE}
            src={mediaUrl(alert.mediaId)}
            autoPlay
            playsInline
            muted={false}
          />
        ) : (
          <img className="ov-alert__media" style={MEDIA_STYLE} src={mediaUrl(alert.mediaId)} alt="" />
        )
      ) : null}
      {alert.soundMediaId ? <audio src={mediaUrl(alert.soundMediaId)} autoPlay /> : null}
      {alert.text ? (
        <p className="ov-alert__text" style={TEXT_STYLE}>
          {alert.text}
        </p>
      ) : null}
    </section>
  );
}
