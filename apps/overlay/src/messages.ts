import type { OverlayStatus } from './connection-state';

/** The overlay's few words (no i18n library: the bundle stays small). */
export interface OverlayMessages {
  status: Record<OverlayStatus, string>;
  missingToken: string;
  invalidToken: string;
  revoked: string;
  unknownKind: (kind: string) => string;
  serverTime: string;
}

const en: OverlayMessages = {
  status: {
    connecting: 'Connecting…',
    online: 'Live',
    offline: 'Offline, reconnecting…',
    revoked: 'Overlay link revoked',
    unauthorized: 'Overlay link not valid',
  },
  missingToken: 'This overlay link has no token. Copy the full URL from Podium → Overlays.',
  invalidToken: 'Create a new overlay link in Podium → Overlays.',
  revoked: 'Create a new overlay link in Podium → Overlays.',
  unknownKind: (kind) => `Unknown overlay “${kind}”. Copy the full URL from Podium → Overlays.`,
  serverTime: 'Server time',
};

const fr: OverlayMessages = {
  status: {
    connecting: 'Connexion…',
    online: 'En direct',
    offline: 'Hors ligne, reconnexion…',
    revoked: "Lien d'overlay révoqué",
    unauthorized: "Lien d'overlay non valide",
  },
  missingToken: "Ce lien d'overlay n'a pas de jeton. Copiez l'URL complète depuis Podium → Overlays.",
  invalidToken: "Créez un nouveau lien d'overlay dans Podium → Overlays.",
  revoked: "Créez un nouveau lien d'overlay dans Podium → Overlays.",
  unknownKind: (kind) => `Overlay inconnu « ${kind} ». Copiez l'URL complète depuis Podium → Overlays.`,
  serverTime: 'Heure du serveur',
};

export const OVERLAY_MESSAGES = { en, fr } as const;
export type OverlayLanguage = keyof typeof OVERLAY_MESSAGES;

/** `?lang=fr` wins (set it in the OBS URL), then the browser source's language, then English. */
export function pickLanguage(requested: string | null, browser: readonly string[]): OverlayLanguage {
  for (const tag of [requested ?? '', ...browser]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'en' || base === 'fr') return base;
  }
  return 'en';
}
