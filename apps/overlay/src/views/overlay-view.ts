import type { OverlayChannel } from '../overlay-channel';
import type { OverlayConnection } from '../connection-state';
import type { OverlayMeeting } from '../meeting-feed';
import type { OverlayMessages } from '../messages';
import type { OverlayOptions } from '../route';

export interface OverlayViewProps {
  connection: OverlayConnection;
  /** The followed meeting (always empty for `test`, which follows none). */
  meeting: OverlayMeeting;
  /** The page's one socket, for views that follow their own pushes (null until it is open). */
  channel: OverlayChannel | null;
  options: OverlayOptions;
  messages: OverlayMessages;
  language: string;
}
