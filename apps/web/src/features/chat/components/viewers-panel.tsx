import type { ViewerDto } from '@podium/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { Alert } from '@/shared/ui/alert';
import { TextField } from '@/shared/ui/field';
import { useMergeViewers, useViewers } from '../api/viewers.api';
import type { MergeRole } from '../model/viewer-merge';
import { createViewerMergeStore } from '../model/viewer-merge.store';
import {
  searchTerm,
  useDebouncedValue,
  VIEWER_SEARCH_DEBOUNCE_MS,
  VIEWER_SEARCH_MAX_LENGTH,
} from '../model/viewer-search';
import { ViewerMergeBar } from './viewer-merge-bar';
import { type MergePair, ViewerMergeDialog } from './viewer-merge-dialog';
import { ViewerResults } from './viewer-results';
import './chat.css';
import './viewers.css';

export interface ViewersPanelProps {
  workspaceId: string;
  /** Moderators and owners link identities; viewers only search. */
  canMerge: boolean;
}

/** The viewers page: find viewers across platforms, and link one person's identities. */
export function ViewersPanel({ workspaceId, canMerge }: ViewersPanelProps) {
  const { t } = useTranslation();
  const [store] = useState(createViewerMergeStore);
  const [text, setText] = useState('');
  const term = useDebouncedValue(searchTerm(text), VIEWER_SEARCH_DEBOUNCE_MS);
  const viewers = useViewers(workspaceId, term);
  const merge = useMergeViewers(workspaceId);
  const [confirming, setConfirming] = useState<MergePair | null>(null);
  const { selection, known, lastMerge } = useStore(
    store,
    useShallow((s) => ({ selection: s.selection, known: s.known, lastMerge: s.lastMerge })),
  );

  useEffect(() => {
    if (viewers.data) store.getState().see(viewers.data);
  }, [viewers.data, store]);

  const onPick = (role: MergeRole, viewer: ViewerDto) => store.getState().pick(role, viewer);
  const closeDialog = () => {
    setConfirming(null);
    merge.reset();
  };
  const confirm = (pair: MergePair) =>
    merge.mutate(
      { sourceViewerId: pair.source.id, targetViewerId: pair.target.id },
      {
        onSuccess: (target) => {
          store.getState().merged(pair.source, target);
          setConfirming(null);
        },
      },
    );

  return (
    <div
      className={canMerge ? 'viewers-page viewers-page--merge' : 'viewers-page'}
      data-testid="viewers-panel"
    >
      {canMerge ? null : <Alert tone="info">{t('viewers.readOnly')}</Alert>}
      <section className="card viewers-page__list">
        <div role="search">
          <TextField
            label={t('viewers.search')}
            hint={t('viewers.searchHint')}
            name="search"
            type="search"
            autoComplete="off"
            maxLength={VIEWER_SEARCH_MAX_LENGTH}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="viewers-search"
          />
        </div>
        <ViewerResults
          viewers={viewers.data}
          term={term}
          fetching={viewers.isFetching}
          error={viewers.error}
          onRetry={() => void viewers.refetch()}
          selection={selection}
          known={known}
          onPick={canMerge ? onPick : undefined}
        />
      </section>
      {canMerge ? (
        <>
          <ViewerMergeBar
            selection={selection}
            lastMerge={lastMerge}
            onClear={() => store.getState().clear()}
            onMerge={() => {
              const { source, target } = store.getState().selection;
              if (source && target) setConfirming({ source, target });
            }}
          />
          <ViewerMergeDialog
            pair={confirming}
            pending={merge.isPending}
            error={merge.error}
            onConfirm={confirm}
            onClose={closeDialog}
          />
        </>
      ) : null}
    </div>
  );
}
