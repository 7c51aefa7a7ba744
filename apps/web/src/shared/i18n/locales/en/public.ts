import { attendee } from './attendee';
import { chat } from './chat';
import type { Translation } from '.';
import { shell } from './shell';

/**
 * The strings of the public pages (join, attendee: the audience's phones), loaded alone when one
 * of them is the first page, so they skip the dashboard's strings; the rest comes with the first
 * other page (see `loadEveryString`).
 */
export const enPublic = { ...shell, ...attendee, ...chat } as const;

/** The shape every locale's public part has (every locale's strings include it). */
export type PublicTranslation = Pick<Translation, keyof typeof enPublic>;
