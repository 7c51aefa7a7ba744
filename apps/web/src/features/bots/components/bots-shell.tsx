import { type Role, roleAtLeast } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { PageTabs, resolvePageTab } from '@/shared/ui/page-tabs';
import { RoleGate } from '@/shared/ui/role-gate';
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
  const current = resolvePageTab(tabs, tabId);
  const props: BotsTabProps = { ...rest, canEdit: roleAtLeast(role, 'moderator') };
  return (
    <PageTabs
      tabs={tabs.map((tab) => ({ id: tab.id, label: tab.label(t) }))}
      current={current?.id}
      label={t('bots.tabs.label')}
      tabHref={tabHref}
      onSelect={onSelect}
      testIdPrefix="bots"
    >
      {current ? (
        <RoleGate role={role} least={current.least} notice={t('bots.moderatorsOnly')}>
          {current.render(props)}
        </RoleGate>
      ) : null}
    </PageTabs>
  );
}
