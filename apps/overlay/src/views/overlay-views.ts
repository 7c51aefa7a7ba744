import type { OverlayKind } from '@podium/contracts';
import type { ComponentType } from 'react';
import { AlertsOverlay } from './alerts-overlay';
import { GoalOverlay } from './goal-overlay';
import { ObsOverlay } from './obs-overlay';
import type { OverlayViewProps } from './overlay-view';
import { QuestionOverlay } from './question-overlay';
import { RedeemsOverlay } from './redeems-overlay';
import { RevolutionOverlay } from './revolution-overlay';
import { ScoreboardOverlay } from './scoreboard-overlay';
import { TestOverlay } from './test-overlay';
import { VoteOverlay } from './vote-overlay';
import { WordCloudOverlay } from './wordcloud-overlay';

/**
 * One view per kind in the contracts' `OVERLAY_KINDS`: a kind added there fails the typecheck here
 * until it has a view. (Typed against `OverlayKind` rather than importing the array, so zod stays
 * out of the bundle.)
 */
export const OVERLAY_VIEWS: Record<OverlayKind, ComponentType<OverlayViewProps>> = {
  test: TestOverlay,
  question: QuestionOverlay,
  wordcloud: WordCloudOverlay,
  scoreboard: ScoreboardOverlay,
  alerts: AlertsOverlay,
  revolution: RevolutionOverlay,
  goal: GoalOverlay,
  vote: VoteOverlay,
  redeems: RedeemsOverlay,
  obs: ObsOverlay,
};

export const OVERLAY_VIEW_KINDS = Object.keys(OVERLAY_VIEWS) as OverlayKind[];

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
