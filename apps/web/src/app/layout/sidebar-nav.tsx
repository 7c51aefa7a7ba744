import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import {
  BotIcon,
  ChartIcon,
  ChatIcon,
  CoinIcon,
  EyeIcon,
  FlagIcon,
  GiftIcon,
  GlobeIcon,
  HomeIcon,
  LayersIcon,
  PlugIcon,
  PresentationIcon,
  SettingsIcon,
  SparkIcon,
  UsersIcon,
} from '@/shared/ui/icons';
import { workspacePath } from '../navigation';

interface NavItem {
  section:
    | ''
    | 'meetings'
    | 'chat'
    | 'viewers'
    | 'bots'
    | 'points'
    | 'rewards'
    | 'rehearsal'
    | 'reports'
    | 'webhooks'
    | 'api-tokens'
    | 'connections'
    | 'flags'
    | 'members'
    | 'overlays'
    | 'settings';
  label: string;
  icon: ReactNode;
}

/** A sidebar on wide screens, a scrolling tab bar under the header on phones (see styles.css). */
export function SidebarNav({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const items: NavItem[] = [
    { section: '', label: t('nav.overview'), icon: <HomeIcon /> },
    { section: 'meetings', label: t('meetings.title'), icon: <PresentationIcon /> },
    { section: 'chat', label: t('chat.title'), icon: <ChatIcon /> },
    { section: 'viewers', label: t('viewers.title'), icon: <EyeIcon /> },
    { section: 'bots', label: t('bots.title'), icon: <BotIcon /> },
    { section: 'points', label: t('points.title'), icon: <CoinIcon /> },
    { section: 'rewards', label: t('rewards.title'), icon: <GiftIcon /> },
    { section: 'rehearsal', label: t('rehearsal.title'), icon: <SparkIcon /> },
    { section: 'reports', label: t('reports.title'), icon: <ChartIcon /> },
    { section: 'webhooks', label: t('webhooks.title'), icon: <GlobeIcon /> },
    { section: 'api-tokens', label: t('apiTokens.title'), icon: <PlugIcon /> },
    { section: 'connections', label: t('connections.title'), icon: <PlugIcon /> },
    { section: 'flags', label: t('flags.title'), icon: <FlagIcon /> },
    { section: 'members', label: t('nav.members'), icon: <UsersIcon /> },
    { section: 'overlays', label: t('nav.overlays'), icon: <LayersIcon /> },
    { section: 'settings', label: t('nav.settings'), icon: <SettingsIcon /> },
  ];
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul className="sidebar__list">
        {items.map((item) => (
          <li key={item.section || 'overview'}>
            <NavLink
              to={workspacePath(workspaceId, item.section)}
              end={item.section === ''}
              className={({ isActive }) =>
                isActive ? 'sidebar__link sidebar__link--active' : 'sidebar__link'
              }
              data-testid={`nav-${item.section || 'overview'}`}
            >
              {item.icon}
              <span>{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
