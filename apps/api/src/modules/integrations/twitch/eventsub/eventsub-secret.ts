import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SecretBox } from '../../../../common/crypto/secret-box';
import { AppConfig } from '../../../../config/app-config';
import { IntegrationSecretsRepository } from './eventsub-secret.repository';

const NAME = 'twitch.eventsub';

/**
 * The secret Twitch signs EventSub webhooks with: TWITCH_EVENTSUB_SECRET, or one generated once and
 * kept in the database, so every replica (and every restart) verifies with the same one.
 */
@Injectable()
export class TwitchEventSubSecret {
  constructor(
    private readonly config: AppConfig,
    private readonly secrets: IntegrationSecretsRepository,
    private readonly box: SecretBox,
  ) {}

  async load(): Promise<string> {
    if (this.config.twitch.eventSubSecret) return this.config.twitch.eventSubSecret;
    const generated = randomBytes(32).toString('base64url');
    return this.box.open(await this.secrets.keepFirst(NAME, this.box.seal(generated)));
  }
}

/**
 * A short, one-way tag of the secret for the callback path: when the secret changes, the old
 * subscriptions (signed with the old one) no longer match a current URL and get replaced.
 */
export function secretTag(secret: string): string {
  return createHash('sha256').update(`podium-twitch-eventsub:${secret}`).digest('hex').slice(0, 12);
}
