import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppSecrets } from '../../../config/secrets';
import { ChatErrorCode, ChatException } from '../chat.exception';

/** Who started an OAuth connect, carried through the platform and back in `state`. */
export interface OAuthStatePayload {
  workspaceId: string;
  userId: string;
  platform: 'twitch' | 'youtube';
  /** Twitch: connect the channel (broadcaster) or the account that speaks in chat (bot). */
  role: 'broadcaster' | 'bot';
}

const TTL_MS = 10 * 60 * 1000;

/**
 * Signed, expiring OAuth `state`: the callback trusts only what this process signed, so a forged or
 * replayed-later callback cannot attach someone's channel to another workspace.
 */
@Injectable()
export class OAuthState {
  constructor(private readonly secrets: AppSecrets) {}

  sign(payload: OAuthStatePayload, now = Date.now()): string {
    const body = Buffer.from(
      JSON.stringify({ ...payload, exp: now + TTL_MS, nonce: randomBytes(8).toString('hex') }),
    ).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(state: string | undefined, now = Date.now()): OAuthStatePayload {
    const [body, mac] = (state ?? '').split('.');
    const expected = body ? this.mac(body) : '';
    if (
      !body ||
      !mac ||
      mac.length !== expected.length ||
      !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))
    ) {
      throw new ChatException(ChatErrorCode.OAuthStateInvalid, 'The sign-in link is not valid; start again');
    }
    const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as OAuthStatePayload & {
      exp: number;
    };
    if (parsed.exp < now) {
      throw new ChatException(ChatErrorCode.OAuthStateInvalid, 'The sign-in link expired; start again');
    }
    return {
      workspaceId: parsed.workspaceId,
      userId: parsed.userId,
      platform: parsed.platform,
      role: parsed.role,
    };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secrets.sessionSecret).update(`oauth:${body}`).digest('base64url');
  }
}
