import { type CSSProperties, useEffect, useMemo, useState } from 'react';
import {
  createObsActionRunner,
  findObsStudio,
  OBS_LEVEL,
  type ObsBridgeState,
  type ObsOutcome,
  obsWords,
  readControlLevel,
} from '../obs-bridge';
import { OverlayFrame } from './overlay-frame';
import type { OverlayViewProps } from './overlay-view';
import { StatusPill } from './status-pill';

// Announced to assistive tech, never drawn on stream.
const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
};

/**
 * `obs`: an invisible page that carries out `obs.action` pushes (switch scene, save the replay
 * buffer) through OBS's `window.obsstudio`. It shows a pill only when the streamer must act: opened
 * outside OBS, or the browser source's page permission is below "Advanced access to OBS".
 */
export function ObsOverlay({ connection, channel, messages, language }: OverlayViewProps) {
  const words = obsWords(language);
  const api = useMemo(() => findObsStudio(window), []);
  const runner = useMemo(() => createObsActionRunner(api), [api]);
  const [bridge, setBridge] = useState<ObsBridgeState>(api ? { kind: 'probing' } : { kind: 'not_in_obs' });
  const [last, setLast] = useState<ObsOutcome | null>(null);

  useEffect(() => {
    if (!api) return undefined;
    let live = true;
    void readControlLevel(api).then((level) => {
      if (!live) return;
      runner.setLevel(level);
      setBridge({ kind: 'ready', level });
    });
    return () => {
      live = false;
    };
  }, [api, runner]);

  useEffect(() => {
    if (!channel) return undefined;
    return channel.on('obs.action', (payload) => {
      const outcome = runner.run(payload);
      if (outcome.kind !== 'duplicate') setLast(outcome);
    });
  }, [channel, runner]);

  const permissionLow =
    (bridge.kind === 'ready' && bridge.level !== null && bridge.level < OBS_LEVEL.advanced) ||
    last?.kind === 'permission_missing';
  const problem =
    bridge.kind === 'not_in_obs' ? words.notInObs : permissionLow ? words.permissionMissing : null;

  return (
    <OverlayFrame connection={connection} messages={messages} kind="obs">
      <div
        data-testid="overlay-obs"
        data-obs-state={bridge.kind}
        data-obs-level={bridge.kind === 'ready' ? String(bridge.level) : ''}
        data-last-outcome={last?.kind ?? ''}
        data-last-action={last ? last.action.action : ''}
      >
        {problem ? (
          <div className="stack live__status">
            <StatusPill state="offline" label={problem} />
          </div>
        ) : null}
        {last?.kind === 'done' ? (
          <span style={VISUALLY_HIDDEN} role="status">
            {words.done(last.action)}
          </span>
        ) : null}
      </div>
    </OverlayFrame>
  );
}
