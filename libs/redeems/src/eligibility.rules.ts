import type { RewardEligibility, ViewerRole } from '@podium/contracts';

/** What Podium knows about a viewer when they redeem (gathered by the api from chat and Ko-fi). */
export interface ViewerFacts {
  /** Roles on the platform (from the message, or the latest seen). */
  roles: readonly ViewerRole[];
  /** A follow event of this viewer was recorded. */
  followed: boolean;
  /** A subscription (or membership) event of this viewer was recorded. */
  subscribed: boolean;
  /** A Ko-fi payment is linked to this viewer. */
  kofiSupporter: boolean;
  /** Seen on Owncast as a signed-in (authenticated) user. */
  owncastAuthenticated: boolean;
}

/**
 * May this viewer redeem a reward with this eligibility? The broadcaster always may. Subscribers
 * include YouTube members; a subscriber counts as a follower (platforms without follows, like the
 * in-room chat, have none to show).
 */
export function isEligible(eligibility: RewardEligibility, facts: ViewerFacts): boolean {
  if (facts.roles.includes('broadcaster')) return true;
  const subscriber = facts.subscribed || facts.roles.includes('subscriber') || facts.roles.includes('member');
  switch (eligibility) {
    case 'everyone':
      return true;
    case 'followers':
      return facts.followed || subscriber;
    case 'subscribers':
      return subscriber;
    case 'kofi_supporters':
      return facts.kofiSupporter;
    case 'owncast_authenticated':
      return facts.owncastAuthenticated;
  }
}

/** Short English words for a refusal reply ("followers only"). */
export function eligibilityLabel(eligibility: RewardEligibility): string {
  switch (eligibility) {
    case 'everyone':
      return 'everyone';
    case 'followers':
      return 'followers only';
    case 'subscribers':
      return 'subscribers only';
    case 'kofi_supporters':
      return 'Ko-fi supporters only';
    case 'owncast_authenticated':
      return 'signed-in Owncast users only';
  }
}
