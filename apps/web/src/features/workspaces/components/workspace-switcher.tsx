import type { MembershipDto } from '@podium/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface WorkspaceSwitcherProps {
  memberships: MembershipDto[];
  currentId: string;
  onSwitch: (workspaceId: string) => void;
}

export function WorkspaceSwitcher({ memberships, currentId, onSwitch }: WorkspaceSwitcherProps) {
  const { t } = useTranslation();
  const id = useId();
  const known = memberships.some((m) => m.workspaceId === currentId);
  return (
    <div className="workspace-switcher">
      <label htmlFor={id} className="sr-only">
        {t('header.workspace')}
      </label>
      <select
        id={id}
        className="select workspace-switcher__select"
        value={known ? currentId : ''}
        data-testid="workspace-switcher"
        onChange={(event) => {
          if (event.target.value) onSwitch(event.target.value);
        }}
      >
        {known ? null : <option value="">—</option>}
        {memberships.map((membership) => (
          <option key={membership.workspaceId} value={membership.workspaceId}>
            {membership.workspaceName} · {t(`roles.${membership.role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
