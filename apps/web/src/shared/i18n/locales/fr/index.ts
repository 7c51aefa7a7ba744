import type { Translation } from '../en';
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

/** Chaînes françaises : mêmes clés que `en` (vérifié par le typage et par i18n.spec.ts). */
export const fr: Translation = {
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
};
