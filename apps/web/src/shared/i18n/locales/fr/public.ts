import type { PublicTranslation } from '../en/public';
import { attendee } from './attendee';
import { inroomChat } from './inroom-chat';
import { shell } from './shell';

/** Les chaînes des pages publiques (voir locales/en/public.ts). */
export const frPublic: PublicTranslation = { ...shell, ...attendee, ...inroomChat };
