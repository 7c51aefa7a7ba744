import {
  type CountdownLabels,
  DEFAULT_COUNTDOWN_LABELS,
  DEFAULT_RESULTS_LABELS,
  DEFAULT_SCOREBOARD_LABELS,
  type ResultsLabels,
  type ScoreboardLabels,
} from '@podium/ui';
import type { OverlayStatus } from './connection-state';

/** The overlay's few words (no i18n library: the bundle stays small). */
export interface OverlayMessages {
  status: Record<OverlayStatus, string>;
  missingToken: string;
  invalidToken: string;
  revoked: string;
  unknownKind: (kind: string) => string;
  serverTime: string;
  /** "Question 2 of 5" */
  questionPosition: (position: number, count: number) => string;
  results: ResultsLabels;
  scoreboard: ScoreboardLabels;
  countdown: CountdownLabels;
}

// French: 0 and 1 are singular.
const pluralFr = (count: number, one: string, many: string) => `${count} ${count <= 1 ? one : many}`;

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
  questionPosition: (position, count) => `Question ${position} of ${count}`,
  // The components' own English words: one table to keep up to date.
  results: DEFAULT_RESULTS_LABELS,
  scoreboard: DEFAULT_SCOREBOARD_LABELS,
  countdown: DEFAULT_COUNTDOWN_LABELS,
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
  questionPosition: (position, count) => `Question ${position} sur ${count}`,
  results: {
    votes: (count) => pluralFr(count, 'vote', 'votes'),
    answers: (count) => pluralFr(count, 'réponse', 'réponses'),
    correct: 'bonne réponse',
    noAnswers: 'Aucune réponse pour le moment',
    mean: 'Moyenne',
    median: 'Médiane',
    outOf: (max) => `sur ${max}`,
    wordTimes: (word, count) => `${word}, ${count} fois`,
    wordCloud: (count) => `Nuage de mots, ${pluralFr(count, 'mot', 'mots')}`,
    questions: (count) => pluralFr(count, 'question', 'questions'),
    noQuestions: 'Aucune question pour le moment',
    upvotes: (count) => pluralFr(count, 'vote', 'votes'),
    pinned: 'Épinglée',
    answered: 'Répondue',
    hidden: 'Masquée',
    askedBy: (nickname) => `Posée par ${nickname}`,
  },
  scoreboard: {
    title: 'Classement',
    row: (rank, nickname, total) => `Rang ${rank}, ${nickname}, ${pluralFr(total, 'point', 'points')}`,
    empty: 'Aucun score pour le moment',
    you: 'vous',
  },
  countdown: {
    secondsLeft: (seconds) =>
      `${pluralFr(seconds, 'seconde', 'secondes')} ${seconds <= 1 ? 'restante' : 'restantes'}`,
    timeUp: 'Temps écoulé',
  },
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
