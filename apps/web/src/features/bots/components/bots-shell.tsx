import { type Role, roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import type { MouseEvent } from 'react';
import { RoleGate } from '@/shared/ui/role-gate';
import { resolveTab } from '../model/bots-shell.model';
import { BOTS_TABS, type BotsTab, type BotsTabProps } from './bots-shell.tabs';
import './bots-shell.css';

export interface BotsShellProps extends Omit<BotsTabProps, 'canEdit'> {
  /** The member's role: moderators and owners edit; a viewer gets a notice on tabs it may not read. */
  role: Role;
  /** The tab id from the URL (undefined on `/bots`: the first tab). */
  tabId: string | undefined;
  /** Where a tab lives, e.g. `/w/<id>/bots/commands`. */
  tabHref: (tabId: string) => string;
  /** Goes to a tab without reloading the page (the app's router navigates to `tabHref(tabId)`). */
  onSelect: (tabId: string) => void;
  tabs?: readonly BotsTab[];
}

/** The Bots page: a row of tab links (each tab has its own URL) over the chosen tab's panel. */
export function BotsShell({ tabId, tabHref, onSelect, tabs = BOTS_TABS, role, ...rest }: BotsShellProps) {
  const { t } = useTranslation();
  const current = resolveTab(tabs, tabId);
  const props: BotsTabProps = { ...rest, canEdit: roleAtLeast(role, 'moderator') };
  const select = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    // Modified clicks (new tab, new window) keep the browser's own behaviour.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onSelect(id);
  };
  return (
    <div className="bots-shell">
      <nav className="bots-tabs" aria-label={t('bots.tabs.label')}>
        <ul className="bots-tabs__list">
          {tabs.map((tab) => (
            <li key={tab.id}>
              <a
                href={tabHref(tab.id)}
                onClick={(event) => select(event, tab.id)}
                className={tab === current ? 'bots-tabs__link bots-tabs__link--active' : 'bots-tabs__link'}
                aria-current={tab === current ? 'page' : undefined}
                data-testid={`bots-tab-${tab.id}`}
              >
                {tab.label(t)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {current ? (
        <div className="bots-shell__panel" data-testid={`bots-panel-${current.id}`}>
          <RoleGate role={role} least={current.least} notice={t('bots.moderatorsOnly')}>
            {current.render(props)}
          </RoleGate>
        </div>
      ) : null}
    </div>
  );
}
