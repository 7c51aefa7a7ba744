import type { OverlayConnection } from '../connection-state';
import type { OverlayMessages } from '../messages';

export interface OverlayViewProps {
  connection: OverlayConnection;
  messages: OverlayMessages;
  language: string;
}
