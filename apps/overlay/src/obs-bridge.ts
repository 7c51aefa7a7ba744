import type { ObsAction, ObsActionPayload } from '@podium/contracts';

/**
 * What the page sees of obs-browser's `window.obsstudio` (only inside an OBS browser source). Each
 * call needs the source's "Page permissions": saving the replay buffer needs Basic (3), switching
 * scenes Advanced (4). Without the level OBS leaves the function out or ignores the call.
 */
export interface ObsStudioApi {
  pluginVersion?: string;
  getControlLevel?: (callback: (level: number) => void) => void;
  setCurrentScene?: (name: string) => void;
  saveReplayBuffer?: () => void;
}

/** obs-browser's levels: 0 none, 1 read OBS, 2 read user, 3 basic, 4 advanced, 5 all. */
export const OBS_LEVEL = { basic: 3, advanced: 4 } as const;

/** The level each action needs (kept here too: the overlay bundle does not load the contracts' zod). */
export function levelNeeded(action: ObsAction): number {
  switch (action.action) {
    case 'switch_scene':
      return OBS_LEVEL.advanced;
    case 'save_replay':
      return OBS_LEVEL.basic;
  }
}

export type ObsBridgeState =
  /** Still asking OBS for the permission level. */
  | { kind: 'probing' }
  /** Not an OBS browser source (an ordinary browser tab). */
  | { kind: 'not_in_obs' }
  /** In OBS; `level` null when this OBS is too old to tell. */
  | { kind: 'ready'; level: number | null };

/** The page's OBS, or undefined in an ordinary browser. */
export function findObsStudio(scope: object): ObsStudioApi | undefined {
  const api = (scope as { obsstudio?: unknown }).obsstudio;
  return typeof api === 'object' && api !== null ? (api as ObsStudioApi) : undefined;
}

/** Asks OBS for the page's permission level; null when it does not say within `timeoutMs`. */
export function readControlLevel(api: ObsStudioApi, timeoutMs = 1_000): Promise<number | null> {
  const getLevel = api.getControlLevel;
  if (typeof getLevel !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    getLevel.call(api, (level) => {
      clearTimeout(timer);
      resolve(typeof level === 'number' ? level : null);
    });
  });
}

export type ObsOutcome =
  | { kind: 'done'; action: ObsAction }
  | { kind: 'not_in_obs'; action: ObsAction }
  | { kind: 'permission_missing'; action: ObsAction; needed: number; level: number | null }
  | { kind: 'duplicate'; action: ObsAction };

/**
 * Carries out pushed actions once each (by payload id: a reconnect or a second broadcaster must not
 * switch the scene twice). A missing function is read as a missing permission: obs-browser only
 * exposes what the level allows.
 */
export function createObsActionRunner(api: ObsStudioApi | undefined, remember = 200) {
  const seen: string[] = [];
  let level: number | null = null;

  return {
    setLevel(next: number | null): void {
      level = next;
    },
    run(payload: ObsActionPayload): ObsOutcome {
      const { action } = payload;
      if (seen.includes(payload.id)) return { kind: 'duplicate', action };
      seen.push(payload.id);
      if (seen.length > remember) seen.shift();
      if (!api) return { kind: 'not_in_obs', action };
      const needed = levelNeeded(action);
      if (level !== null && level < needed) return { kind: 'permission_missing', action, needed, level };
      switch (action.action) {
        case 'switch_scene':
          if (typeof api.setCurrentScene !== 'function') {
            return { kind: 'permission_missing', action, needed, level };
          }
          api.setCurrentScene(action.scene);
          return { kind: 'done', action };
        case 'save_replay':
          if (typeof api.saveReplayBuffer !== 'function') {
            return { kind: 'permission_missing', action, needed, level };
          }
          api.saveReplayBuffer();
          return { kind: 'done', action };
      }
    },
  };
}

export interface ObsOverlayWords {
  notInObs: string;
  permissionMissing: string;
  ready: string;
  done: (action: ObsAction) => string;
}

/** The `obs` overlay's few words (it is invisible on stream unless something needs the streamer). */
export const OBS_OVERLAY_WORDS: Record<'en' | 'fr', ObsOverlayWords> = {
  en: {
    notInObs: 'Not in OBS: add this link as an OBS browser source',
    permissionMissing:
      'OBS permission missing: in the browser source properties set “Page permissions” to “Advanced access to OBS”',
    ready: 'OBS actions ready',
    done: (action) => (action.action === 'switch_scene' ? `Scene → ${action.scene}` : 'Replay saved'),
  },
  fr: {
    notInObs: 'Pas dans OBS : ajoutez ce lien comme source navigateur OBS',
    permissionMissing:
      'Permission OBS manquante : dans les propriétés de la source navigateur, réglez « Permissions de la page » sur « Accès avancé à OBS »',
    ready: 'Actions OBS prêtes',
    done: (action) => (action.action === 'switch_scene' ? `Scène → ${action.scene}` : 'Replay enregistré'),
  },
};

export function obsWords(language: string): ObsOverlayWords {
  return language === 'fr' ? OBS_OVERLAY_WORDS.fr : OBS_OVERLAY_WORDS.en;
}
