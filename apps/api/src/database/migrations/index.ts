import { Foundation1763683200000 } from './1763683200000-foundation';
import { Meetings1763769600000 } from './1763769600000-meetings';
import { Chat1763856000000 } from './1763856000000-chat';
import { IntegrationSecrets1763942400000 } from './1763942400000-integration-secrets';
import { Bots1764028800000 } from './1764028800000-bots';

/** Every migration, oldest first. Listed by hand so the bundled api needs no file globbing. */
export const migrations = [
  Foundation1763683200000,
  Meetings1763769600000,
  Chat1763856000000,
  IntegrationSecrets1763942400000,
  Bots1764028800000,
];
