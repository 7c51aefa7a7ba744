import type {
  AnnouncementDto,
  CreateAnnouncementRequest,
  UpdateAnnouncementRequest,
} from '@podium/contracts';
import { botsCrud, botsKeys } from './bots-shell.api';

/** Periodic announcements: `/bots/announcements`. */
export const announcementsApi = botsCrud<
  AnnouncementDto,
  CreateAnnouncementRequest,
  UpdateAnnouncementRequest
>('announcements', botsKeys.announcements);
