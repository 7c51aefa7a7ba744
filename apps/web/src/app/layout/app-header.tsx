import type { MeDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { CreateWorkspaceDialog } from '@/features/workspaces/components/create-workspace-dialog';
import { WorkspaceSwitcher } from '@/features/workspaces/components/workspace-switcher';
import { LanguageSelect } from '@/shared/i18n/language-select';
import { ThemeSelect } from '@/shared/theme/theme-select';
import { sectionOf, workspacePath } from '../navigation';
import { ConnectionIndicator } from './connection-indicator';
import { UserMenu } from './user-menu';

export function AppHeader({ me, workspaceId }: { me: MeDto; workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <header className="app-header">
      <Link to="/" className="brand app-header__brand">
        <span className="brand__mark" aria-hidden="true">
          P
        </span>
        <span className="brand__name">{t('common.appName')}</span>
      </Link>
      <div className="app-header__workspace">
        <WorkspaceSwitcher
          memberships={me.memberships}
          currentId={workspaceId}
          onSwitch={(id) => void navigate(workspacePath(id, sectionOf(pathname)))}
        />
        <CreateWorkspaceDialog onCreated={(workspace) => void navigate(workspacePath(workspace.id))} />
      </div>
      <div className="app-header__tools">
        <ConnectionIndicator />
        <ThemeSelect />
        <LanguageSelect />
      </div>
      <div className="app-header__user">
        <UserMenu me={me} />
      </div>
    </header>
  );
}
