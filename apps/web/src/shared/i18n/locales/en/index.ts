import { shell } from './shell';
import { workspace } from './workspace';
import { meetings } from './meetings';
import { live } from './live';
import { attendee } from './attendee';
import { chat } from './chat';
import { inroomChat } from './inroom-chat';
import { botAlerts } from './bot-alerts';
import { bots } from './bots';
import { rehearsal } from './rehearsal';
import { panel } from './panel';
import { points } from './points';
import { rewards } from './rewards';
import { reports } from './reports';
import { webhooks } from './webhooks';
import { obs } from './obs';
import { backup } from './backup';
import { apiTokens } from './api-tokens';

/**
 * English strings: the reference locale, one file per part of the app. Every other locale has
 * exactly these keys (checked by the type below and by i18n.spec.ts).
 */
export const en = {
  ...shell,
  ...workspace,
  ...meetings,
  ...live,
  ...attendee,
  ...chat,
  ...inroomChat,
  ...botAlerts,
  ...bots,
  ...rehearsal,
  ...panel,
  ...points,
  ...rewards,
  ...reports,
  ...webhooks,
  ...obs,
  ...backup,
  ...apiTokens,
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every locale must have: the English keys with any strings. */
export type Translation = Widen<typeof en>;
