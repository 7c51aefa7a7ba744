import type { OverlayKind } from '@podium/contracts';
import { Suspense } from 'react';
import type { OverlayMessages } from './messages';
import type { OverlayOptions, OverlayRoute } from './route';
import { useOverlayConnection } from './use-overlay-connection';
import { followsMeeting, OVERLAY_VIEWS } from './views/overlay-views';
import { StatusPill } from './views/status-pill';

export interface OverlayAppProps {
  route: OverlayRoute<OverlayKind>;
  options: OverlayOptions;
  messages: OverlayMessages;
  language: string;
}

export function OverlayApp({ route, options, messages, language }: OverlayAppProps) {
  switch (route.type) {
    case 'unknown-kind':
      return (
        <p className="note" data-testid="overlay-unknown" data-state="unknown">
          {messages.unknownKind(route.kind)}
        </p>
      );
    case 'missing-token':
      return (
        <div className="stack">
          <StatusPill state="unauthorized" label={messages.status.unauthorized} />
          <p className="note">{messages.missingToken}</p>
        </div>
      );
    case 'overlay':
      return (
        <LiveOverlay
          kind={route.kind}
          token={route.token}
          options={options}
          messages={messages}
          language={language}
        />
      );
  }
}

function LiveOverlay({
  kind,
  token,
  options,
  messages,
  language,
}: {
  kind: OverlayKind;
  token: string;
  options: OverlayOptions;
  messages: OverlayMessages;
  language: string;
}) {
  const { connection, meeting, channel } = useOverlayConnection(
    token,
    followsMeeting(kind) ? options.meeting : null,
  );
  const View = OVERLAY_VIEWS[kind];
  // Transparent while the view's chunk loads, as before the socket connects.
  return (
    <Suspense fallback={null}>
      <View
        connection={connection}
        meeting={meeting}
        channel={channel}
        options={options}
        messages={messages}
        language={language}
      />
    </Suspense>
  );
}
