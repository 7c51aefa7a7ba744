import { attendee } from './attendee';
import { inroomChat } from './inroom-chat';
import type { Translation } from '.';
import { shell } from './shell';

/**
 * The strings of the attendee's pages (join, meeting: the audience's phones), all that their own
 * entry (attendee.html) loads: they skip the dashboard's strings. The admin app loads every string.
 */
export const enPublic = { ...shell, ...attendee, ...inroomChat } as const;

/** The shape every locale's public part has (every locale's strings include it). */
export type PublicTranslation = Pick<Translation, keyof typeof enPublic>;
