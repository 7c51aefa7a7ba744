import type { OverlayKind } from '@podium/contracts';
import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { OverlayViewProps } from './overlay-view';

type OverlayView = ComponentType<OverlayViewProps>;

/**
 * One view per kind in the contracts' `OVERLAY_KINDS`: a kind added there fails the typecheck here
 * until it has a view. (Typed against `OverlayKind` rather than importing the array, so zod stays
 * out of the bundle.) Each view is its own chunk: a scene downloads only the overlay it shows.
 */
export const OVERLAY_VIEW_LOADERS: Record<OverlayKind, () => Promise<OverlayView>> = {
  test: () => import('./test-overlay').then((m) => m.TestOverlay),
  question: () => import('./question-overlay').then((m) => m.QuestionOverlay),
  wordcloud: () => import('./wordcloud-overlay').then((m) => m.WordCloudOverlay),
  scoreboard: () => import('./scoreboard-overlay').then((m) => m.ScoreboardOverlay),
  alerts: () => import('./alerts-overlay').then((m) => m.AlertsOverlay),
  revolution: () => import('./revolution-overlay').then((m) => m.RevolutionOverlay),
  goal: () => import('./goal-overlay').then((m) => m.GoalOverlay),
  vote: () => import('./vote-overlay').then((m) => m.VoteOverlay),
  redeems: () => import('./redeems-overlay').then((m) => m.RedeemsOverlay),
  obs: () => import('./obs-overlay').then((m) => m.ObsOverlay),
};

export const OVERLAY_VIEW_KINDS = Object.keys(OVERLAY_VIEW_LOADERS) as OverlayKind[];

/** The views, each loaded on its first render (render them inside a Suspense boundary). */
export const OVERLAY_VIEWS = Object.fromEntries(
  OVERLAY_VIEW_KINDS.map((kind) => {
    const load = OVERLAY_VIEW_LOADERS[kind];
    return [kind, lazy(async () => ({ default: await load() }))];
  }),
) as Record<OverlayKind, LazyExoticComponent<OverlayView>>;

/**
 * Kinds that show a meeting (and so send `meeting.join`); `test` only proves the link works, and
 * `alerts` follows the workspace's alert queue instead (and `revolution` its revolution bots).
 */
export function followsMeeting(kind: OverlayKind): boolean {
  return (
    kind !== 'test' &&
    kind !== 'alerts' &&
    kind !== 'revolution' &&
    kind !== 'goal' &&
    kind !== 'vote' &&
    kind !== 'redeems' &&
    kind !== 'obs'
  );
}
