import type { ViewerDto } from '@podium/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { type MergeProblem, mergeRequest, type MergeSelection } from '../model/viewer-merge';
import type { LastMerge } from '../model/viewer-merge.store';
import { PlatformBadge } from './chat-line';

/** A picked viewer as the bar names it. */
function ViewerTag({ viewer }: { viewer: ViewerDto | null }) {
  const { t } = useTranslation();
  if (!viewer) return <span className="muted">{t('viewers.merge.none')}</span>;
  return (
    <span className="viewer-tag">
      <PlatformBadge platform={viewer.platform} />
      <span className="viewer-row__name">{viewer.displayName}</span>
      {viewer.login ? <span className="viewer-row__login">@{viewer.login}</span> : null}
    </span>
  );
}

/** Still choosing (guidance) or a choice the server would refuse or ignore (warning). */
const GUIDANCE: ReadonlySet<MergeProblem> = new Set(['noTarget', 'noSource']);

export interface ViewerMergeBarProps {
  selection: MergeSelection;
  lastMerge: LastMerge | null;
  onClear: () => void;
  /** Opens the confirmation; only called for a selection that can be merged. */
  onMerge: () => void;
}

/** The moderator's two choices, what stands in the way, and the button to the confirmation. */
export function ViewerMergeBar({ selection, lastMerge, onClear, onMerge }: ViewerMergeBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const outcome = mergeRequest(selection);
  const problem = 'problem' in outcome ? outcome.problem : null;
  const names = {
    target: selection.target?.displayName ?? '',
    source: selection.source?.displayName ?? '',
  };
  const platformName = (viewer: ViewerDto) => t(`platforms.${viewer.platform}`);

  return (
    <section className="card viewer-merge" aria-labelledby={`${id}-title`} data-testid="viewer-merge-bar">
      <h2 className="card__title" id={`${id}-title`}>
        {t('viewers.merge.title')}
      </h2>
      <p className="card__description">{t('viewers.merge.hint')}</p>
      {lastMerge ? (
        <Alert tone="success">
          {t('viewers.merge.done', {
            source: lastMerge.source.displayName,
            sourcePlatform: platformName(lastMerge.source),
            target: lastMerge.target.displayName,
            targetPlatform: platformName(lastMerge.target),
          })}
        </Alert>
      ) : null}
      <dl className="viewer-merge__picks">
        <div className="viewer-merge__pick viewer-merge__pick--target" data-testid="merge-target">
          <dt>{t('viewers.merge.target')}</dt>
          <dd>
            <ViewerTag viewer={selection.target} />
          </dd>
        </div>
        <div className="viewer-merge__pick viewer-merge__pick--source" data-testid="merge-source">
          <dt>{t('viewers.merge.source')}</dt>
          <dd>
            <ViewerTag viewer={selection.source} />
          </dd>
        </div>
      </dl>
      {/* Always in the page, so screen readers announce each change of what stands in the way. */}
      <p
        id={`${id}-problem`}
        role="status"
        className={
          problem && !GUIDANCE.has(problem)
            ? 'viewer-merge__problem viewer-merge__problem--warning'
            : 'viewer-merge__problem'
        }
        data-testid="merge-problem"
        data-problem={problem ?? ''}
      >
        {problem ? t(`viewers.merge.problems.${problem}`, names) : null}
      </p>
      <div className="viewer-merge__actions">
        <Button variant="ghost" onClick={onClear} data-testid="merge-clear">
          {t('viewers.merge.clear')}
        </Button>
        {/* aria-disabled, not disabled: focus comes back here when the dialog closes. */}
        <Button
          variant="primary"
          aria-disabled={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onClick={() => {
            if (problem === null) onMerge();
          }}
          data-testid="merge-open"
        >
          {t('viewers.merge.submit')}
        </Button>
      </div>
    </section>
  );
}
