import type { OverlayConnection } from '../connection-state';
import type { OverlayMeeting } from '../meeting-feed';
import type { OverlayMessages } from '../messages';
import type { OverlayOptions } from '../route';

export interface OverlayViewProps {
  connection: OverlayConnection;
  /** The followed meeting (always empty for `test`, which follows none). */
  meeting: OverlayMeeting;
  options: OverlayOptions;
  messages: OverlayMessages;
  language: string;
}
