import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { usePublicCommands } from '../api/commands.api';
import { groupPublicCommands } from '../model/commands.public';
import './bots-shell.css';

/** The commands viewers may type, grouped by who may use them (public: no sign-in). */
export function CommandsPublicList({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = usePublicCommands(workspaceId);
  if (list.isPending) return <LoadingState label={t('common.loading')} />;
  if (list.isError) {
    return (
      <Alert tone="error">
        {isApiError(list.error) && list.error.statusCode === 404
          ? t('bots.publicCommands.notFound')
          : errorText(list.error)}
      </Alert>
    );
  }
  const groups = groupPublicCommands(list.data);
  if (groups.length === 0) return <p className="muted">{t('bots.publicCommands.empty')}</p>;
  return (
    <div className="form" data-testid="public-commands">
      {groups.map((group) => (
        <section key={group.permission} className="form">
          <h2 className="card__title">{t(`bots.permissions.${group.permission}`)}</h2>
          <ul className="public-commands__list">
            {group.commands.map((command) => (
              <li key={command.name} data-testid="public-command">
                <p>
                  <code className="bot-row__name">{command.name}</code>{' '}
                  {command.aliases.length > 0 ? (
                    <span className="muted">{command.aliases.join(' ')}</span>
                  ) : null}{' '}
                  {command.builtin ? <Badge tone="muted">{t('bots.publicCommands.builtin')}</Badge> : null}
                </p>
                {command.description ? (
                  <p className="muted bot-preview__line">{command.description}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
