import type { CategoryDto } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { Checkbox } from '@/shared/ui/checkbox';
import { useErrorText } from '@/shared/ui/form-error';
import { rewardsApi } from '../api/rewards.api';
import { toggleActive } from '../model/reward-groups';

/** Which categories are active, switched as a set (rewards without a category are always active). */
export function CategoriesCard({
  workspaceId,
  canEdit,
  categories,
}: {
  workspaceId: string;
  canEdit: boolean;
  categories: readonly CategoryDto[];
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = rewardsApi.useSetActiveCategories(workspaceId);
  const [active, setActive] = useState(() => categories.filter((c) => c.active).map((c) => c.name));
  if (categories.length === 0) return null;
  return (
    <Card title={t('rewards.categories.title')} description={t('rewards.categories.description')}>
      {save.isError ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
      <div className="rewards-categories" data-testid="reward-categories">
        {categories.map((category) => (
          <Checkbox
            key={category.id}
            label={t('rewards.categories.item', { name: category.name, count: category.rewardCount })}
            checked={active.some((name) => name.toLowerCase() === category.name.toLowerCase())}
            disabled={!canEdit}
            onChange={(on) => setActive(toggleActive(active, category.name, on))}
            data-testid={`category-${category.name}`}
          />
        ))}
      </div>
      {canEdit ? (
        <div className="form__actions">
          <Button
            variant="primary"
            pending={save.isPending}
            onClick={() => save.mutate({ active })}
            data-testid="categories-save"
          >
            {t('rewards.categories.save')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
