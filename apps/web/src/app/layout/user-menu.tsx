import type { MeDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '@/features/auth/api/auth.api';
import { ChevronDownIcon } from '@/shared/ui/icons';
import { Menu } from '@/shared/ui/menu';

export function UserMenu({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const initial = me.user.displayName.trim()[0]?.toUpperCase() ?? '?';
  return (
    <Menu
      label={t('header.accountMenu', { name: me.user.displayName })}
      triggerTestId="user-menu"
      trigger={
        <>
          <span className="avatar avatar--sm" aria-hidden="true">
            {initial}
          </span>
          <span className="menu__trigger-name">{me.user.displayName}</span>
          <ChevronDownIcon />
        </>
      }
      header={
        <>
          <p className="menu__header-name">{me.user.displayName}</p>
          <p className="menu__header-email">{me.user.email}</p>
        </>
      }
      items={[
        {
          id: 'sign-out',
          label: logout.isPending ? t('header.signingOut') : t('header.signOut'),
          testId: 'sign-out',
          disabled: logout.isPending,
          onSelect: () =>
            logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) }),
        },
      ]}
    />
  );
}
