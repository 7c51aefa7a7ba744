import type { ConnectionDto, ConnectionStatus, ConnectionSubscriptionDto, Platform } from '@podium/contracts';

/** The cards of the connections page, in the order they are shown. */
export const CARD_PLATFORMS = [
  'twitch',
  'youtube',
  'owncast',
  'inroom',
] as const satisfies readonly Platform[];

/** The platforms an organizer connects through an OAuth redirect. */
export type OAuthPlatform = 'twitch' | 'youtube';

/** A workspace may hold several connections of one platform (two Twitch channels): oldest first. */
export function connectionsOf(connections: readonly ConnectionDto[], platform: Platform): ConnectionDto[] {
  return connections
    .filter((connection) => connection.platform === platform)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export type StatusTone = 'success' | 'warning' | 'danger' | 'muted';

export function statusTone(status: ConnectionStatus): StatusTone {
  switch (status) {
    case 'connected':
      return 'success';
    case 'connecting':
      return 'warning';
    case 'needs_attention':
      return 'danger';
    case 'disconnected':
      return 'muted';
  }
}

export type SubscriptionHealth = 'healthy' | 'pending' | 'revoked';

/**
 * EventSub says `enabled` for a working subscription and `webhook_callback_verification_pending`
 * while Twitch checks the callback; every other status (authorization_revoked, user_removed,
 * notification_failures_exceeded, websocket_disconnected…) means no events arrive for that type.
 */
export function subscriptionHealth(subscription: ConnectionSubscriptionDto): SubscriptionHealth {
  if (subscription.status === 'enabled') return 'healthy';
  if (subscription.status === 'webhook_callback_verification_pending') return 'pending';
  return 'revoked';
}

/** Revoked first, so the ones that need the organizer are read first; then by type. */
export function sortedSubscriptions(subscriptions: readonly ConnectionSubscriptionDto[]) {
  const rank: Record<SubscriptionHealth, number> = { revoked: 0, pending: 1, healthy: 2 };
  return [...subscriptions].sort(
    (a, b) => rank[subscriptionHealth(a)] - rank[subscriptionHealth(b)] || a.type.localeCompare(b.type),
  );
}

export type QuotaLevel = 'ok' | 'high' | 'exhausted';

export interface QuotaView {
  used: number;
  budget: number;
  /** 0..1, for the meter. */
  share: number;
  level: QuotaLevel;
  resetsAt: string;
}

/** YouTube's daily budget: "high" from 80 %, when the poller starts to slow down to stay in it. */
export function quotaView(quota: ConnectionDto['quota']): QuotaView | null {
  if (!quota || quota.budget <= 0) return null;
  const share = Math.min(1, Math.max(0, quota.used / quota.budget));
  const level: QuotaLevel = share >= 1 ? 'exhausted' : share >= 0.8 ? 'high' : 'ok';
  return { used: quota.used, budget: quota.budget, share, level, resetsAt: quota.resetsAt };
}

/** Tokens are refreshed by the server; an expired one that stays expired needs a reconnect. */
export function tokenExpired(tokenExpiresAt: string | null, now: number): boolean {
  if (!tokenExpiresAt) return false;
  const at = Date.parse(tokenExpiresAt);
  return !Number.isNaN(at) && at <= now;
}

/** Only web addresses go to `window.location`: never a `javascript:` URL from a bad response. */
export function safeRedirectUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
