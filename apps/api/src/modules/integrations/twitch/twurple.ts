import type * as TwurpleApi from '@twurple/api';
import type * as TwurpleAuth from '@twurple/auth';
import type * as EventSubListeners from './eventsub/eventsub-listeners';

/*
 * twurple's packages are ES modules that cost about a second of every start to load (a tenth of
 * it, measured with `node --cpu-prof`), and an install without Twitch credentials never calls
 * them: they load on first use instead. `require` keeps first use synchronous (Node 20.19+ loads
 * ES modules that way), so callers such as `TwitchClients.api` stay plain getters.
 */

export function twurpleApi(): typeof TwurpleApi {
  return require('@twurple/api') as typeof TwurpleApi;
}

export function twurpleAuth(): typeof TwurpleAuth {
  return require('@twurple/auth') as typeof TwurpleAuth;
}

/** Podium's EventSub listeners extend twurple's, so their module loads twurple's EventSub too. */
export function eventSubListeners(): typeof EventSubListeners {
  return require('./eventsub/eventsub-listeners') as typeof EventSubListeners;
}
