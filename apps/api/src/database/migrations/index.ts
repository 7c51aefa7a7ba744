import { Foundation1763683200000 } from './1763683200000-foundation';
import { Meetings1763769600000 } from './1763769600000-meetings';
import { Chat1763856000000 } from './1763856000000-chat';
import { IntegrationSecrets1763942400000 } from './1763942400000-integration-secrets';
import { Bots1764028800000 } from './1764028800000-bots';
import { BotCommands1764028900000 } from './1764028900000-bot-commands';
import { BotTimers1764029000000 } from './1764029000000-bot-timers';
import { BotAlerts1764029100000 } from './1764029100000-bot-alerts';
import { BotModeration1764029200000 } from './1764029200000-bot-moderation';
import { ChatParticipants1764029300000 } from './1764029300000-chat-participants';
import { Rehearsal1764029700000 } from './1764029700000-rehearsal';
import { Panel1764115600000 } from './1764115600000-panel';
import { Points1764115200000 } from './1764115200000-points';
import { Redeems1764115300000 } from './1764115300000-redeems';
import { GoalsVotes1764115400000 } from './1764115400000-goals-votes';
import { PointsActions1764115250000 } from './1764115250000-points-actions';
import { Kofi1764115500000 } from './1764115500000-kofi';
import { ApiTokens1764201600000 } from './1764201600000-api-tokens';
import { Webhooks1764201700000 } from './1764201700000-webhooks';
import { Reports1764201800000 } from './1764201800000-reports';
import { Backup1764201900000 } from './1764201900000-backup';
import { ObsActions1764202000000 } from './1764202000000-obs-actions';
import { PointsCyclePayouts1764202100000 } from './1764202100000-points-cycle-payouts';
import { ChatMessagesReceived1764202250000 } from './1764202250000-chat-messages-received';

/** Every migration, oldest first. Listed by hand so the bundled api needs no file globbing. */
export const migrations = [
  Foundation1763683200000,
  Meetings1763769600000,
  Chat1763856000000,
  IntegrationSecrets1763942400000,
  Bots1764028800000,
  BotCommands1764028900000,
  BotTimers1764029000000,
  BotAlerts1764029100000,
  BotModeration1764029200000,
  ChatParticipants1764029300000,
  Rehearsal1764029700000,
  Panel1764115600000,
  Points1764115200000,
  Redeems1764115300000,
  GoalsVotes1764115400000,
  PointsActions1764115250000,
  Kofi1764115500000,
  ApiTokens1764201600000,
  Webhooks1764201700000,
  Reports1764201800000,
  Backup1764201900000,
  ObsActions1764202000000,
  PointsCyclePayouts1764202100000,
  ChatMessagesReceived1764202250000,
];
