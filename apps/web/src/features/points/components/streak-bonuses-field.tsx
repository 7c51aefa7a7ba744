import { STREAK_BONUSES_MAX } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { PlusIcon, TrashIcon } from '@/shared/ui/icons';
import type { StreakBonusValues } from '../model/points-settings.form';

/** Rows of "at N consecutive streams, give P points". */
export function StreakBonusesField({
  bonuses,
  onChange,
  error,
  disabled,
}: {
  bonuses: StreakBonusValues[];
  onChange: (bonuses: StreakBonusValues[]) => void;
  error?: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const edit = (index: number, patch: Partial<StreakBonusValues>) =>
    onChange(bonuses.map((bonus, at) => (at === index ? { ...bonus, ...patch } : bonus)));
  return (
    <div className="points-bonuses" data-testid="streak-bonuses">
      {bonuses.map((bonus, index) => (
        <div className="form form--row points-bonuses__row" key={index}>
          <TextField
            label={t('points.settings.bonusLength')}
            name={`streakBonuses.${index}.length`}
            value={bonus.length}
            onChange={(event) => edit(index, { length: event.currentTarget.value })}
            type="number"
            min={2}
            disabled={disabled}
          />
          <TextField
            label={t('points.settings.bonusPoints')}
            name={`streakBonuses.${index}.points`}
            value={bonus.points}
            onChange={(event) => edit(index, { points: event.currentTarget.value })}
            type="number"
            min={1}
            disabled={disabled}
          />
          {!disabled ? (
            <Button
              size="sm"
              variant="ghost"
              icon={<TrashIcon />}
              aria-label={t('points.settings.removeBonus')}
              onClick={() => onChange(bonuses.filter((_, at) => at !== index))}
            />
          ) : null}
        </div>
      ))}
      {error ? <p className="field__error">{error}</p> : null}
      {!disabled && bonuses.length < STREAK_BONUSES_MAX ? (
        <Button
          size="sm"
          variant="secondary"
          icon={<PlusIcon />}
          onClick={() => onChange([...bonuses, { length: '', points: '' }])}
          data-testid="add-streak-bonus"
        >
          {t('points.settings.addBonus')}
        </Button>
      ) : null}
    </div>
  );
}
