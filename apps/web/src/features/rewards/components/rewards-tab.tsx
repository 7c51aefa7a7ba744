import type { RewardDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { Checkbox } from '@/shared/ui/checkbox';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { EmptyState } from '@/shared/ui/empty-state';
import { useErrorText } from '@/shared/ui/form-error';
import { PlusIcon, TrashIcon } from '@/shared/ui/icons';
import { LoadingState } from '@/shared/ui/spinner';
import { rewardsApi, useRewards } from '../api/rewards.api';
import { groupRewards } from '../model/reward-groups';
import { CategoriesCard } from './categories-card';
import { ImportCard } from './import-card';
import { RewardFormDialog } from './reward-form-dialog';
import type { RewardsTabProps } from './rewards-tabs';

/** Rewards by category: create, edit, enable, delete; the active categories; import. */
export function RewardsTab({ workspaceId, canEdit }: RewardsTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useRewards(workspaceId);
  const update = rewardsApi.useUpdate(workspaceId);
  const remove = rewardsApi.useDelete(workspaceId);
  const [editing, setEditing] = useState<{ reward: RewardDto | null } | null>(null);
  const [deleting, setDeleting] = useState<RewardDto | null>(null);
  const groups = list.data ? groupRewards(list.data.rewards, list.data.categories) : [];
  return (
    <>
      {!canEdit ? <Alert tone="info">{t('rewards.readOnly')}</Alert> : null}
      <Card
        title={t('rewards.list.title')}
        actions={
          canEdit ? (
            <Button
              variant="primary"
              icon={<PlusIcon />}
              aria-haspopup="dialog"
              onClick={() => setEditing({ reward: null })}
              data-testid="new-reward"
            >
              {t('rewards.list.new')}
            </Button>
          ) : null
        }
      >
        {list.isPending ? <LoadingState label={t('common.loading')} /> : null}
        {list.isError ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
        {update.isError ? <Alert tone="error">{errorText(update.error)}</Alert> : null}
        {list.data?.rewards.length === 0 ? (
          <EmptyState icon={<PlusIcon />} title={t('rewards.list.empty')}>
            <p className="muted">{t('rewards.list.emptyBody')}</p>
          </EmptyState>
        ) : null}
        {groups.map((group) => (
          <section key={group.category?.id ?? 'none'} className="rewards-group" data-testid="reward-group">
            <h3 className="rewards-group__title">
              {group.category ? group.category.name : t('rewards.list.noCategory')}{' '}
              {group.category && !group.category.active ? <Badge>{t('rewards.list.inactive')}</Badge> : null}
            </h3>
            <ul className="row-list">
              {group.rewards.map((reward) => (
                <li key={reward.id} className="row-list__item rewards-row" data-testid="reward-item">
                  <div className="rewards-row__main">
                    <span className="rewards-row__name">!{reward.name}</span>{' '}
                    <Badge>{t(`rewards.types.${reward.type}`)}</Badge>{' '}
                    {!reward.active ? <Badge>{t('rewards.list.notRedeemable')}</Badge> : null}
                    <div className="muted">
                      {t('rewards.list.price', { count: reward.price })} ·{' '}
                      {t('rewards.list.count', { count: reward.count })}
                      {reward.description ? ` · ${reward.description}` : ''}
                    </div>
                  </div>
                  <div className="rewards-row__actions">
                    <Checkbox
                      label={reward.enabled ? t('rewards.list.enabled') : t('rewards.list.disabled')}
                      checked={reward.enabled}
                      disabled={!canEdit || update.isPending}
                      onChange={(enabled) => update.mutate({ id: reward.id, request: { enabled } })}
                      data-testid="reward-enabled-toggle"
                    />
                    {canEdit ? (
                      <>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-haspopup="dialog"
                          aria-label={t('rewards.list.editLabel', { name: reward.name })}
                          onClick={() => setEditing({ reward })}
                          data-testid="edit-reward"
                        >
                          {t('rewards.list.edit')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          className="btn--danger-text"
                          icon={<TrashIcon />}
                          aria-haspopup="dialog"
                          aria-label={t('rewards.list.deleteLabel', { name: reward.name })}
                          onClick={() => setDeleting(reward)}
                          data-testid="delete-reward"
                        />
                      </>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </Card>
      {list.data ? (
        <CategoriesCard workspaceId={workspaceId} canEdit={canEdit} categories={list.data.categories} />
      ) : null}
      {canEdit ? <ImportCard workspaceId={workspaceId} /> : null}
      <RewardFormDialog
        workspaceId={workspaceId}
        reward={editing?.reward ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        title={t('rewards.list.deleteTitle', { name: deleting?.name ?? '' })}
        description={t('rewards.list.deleteBody')}
        confirmLabel={t('rewards.list.delete')}
        onClose={() => setDeleting(null)}
        data-testid="delete-reward-dialog"
      />
    </>
  );
}
