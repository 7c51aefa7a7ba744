import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';

/** The slice of a react-query result the status lines read. */
export interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * Loading and failure lines of a loaded list, then the failure of a row action (a toggle): the
 * same lines every Bots list shows above its rows.
 */
export function BotQueryStatus({
  query,
  action,
}: {
  query: QueryState;
  action?: Pick<QueryState, 'isError' | 'error'>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      {query.isPending ? <LoadingState label={t('common.loading')} /> : null}
      {query.isError ? <Alert tone="error">{errorText(query.error)}</Alert> : null}
      {action?.isError ? <Alert tone="error">{errorText(action.error)}</Alert> : null}
    </>
  );
}

/** One row of a bots list: what it is on the left, its controls (if any) on the right. */
export function BotRow({
  main,
  actions,
  'data-testid': testId,
}: {
  main: ReactNode;
  actions?: ReactNode;
  'data-testid': string;
}) {
  return (
    <li className="row-list__item bot-row" data-testid={testId}>
      <div className="bot-row__main">{main}</div>
      {actions ? <div className="bot-row__actions">{actions}</div> : null}
    </li>
  );
}

/** "No cooldown" or both cooldowns, as commands and auto-responses show them in their rows. */
export function BotCooldowns({
  item,
}: {
  item: { globalCooldownSeconds: number; userCooldownSeconds: number };
}) {
  const { t } = useTranslation();
  return (
    <span>
      {item.globalCooldownSeconds === 0 && item.userCooldownSeconds === 0
        ? t('bots.list.noCooldown')
        : t('bots.list.cooldowns', { global: item.globalCooldownSeconds, user: item.userCooldownSeconds })}
    </span>
  );
}
