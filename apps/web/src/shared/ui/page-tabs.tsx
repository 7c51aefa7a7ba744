import type { MouseEvent, ReactNode } from 'react';
import './page-tabs.css';

export interface PageTab {
  /** The URL segment: `/w/<id>/<section>/<tab id>`. */
  id: string;
  label: ReactNode;
}

/** The tab a URL names, or the first tab when it names none (or one that does not exist). */
export function resolvePageTab<T extends { id: string }>(
  tabs: readonly T[],
  tabId: string | undefined,
): T | undefined {
  return tabs.find((tab) => tab.id === tabId) ?? tabs[0];
}

/**
 * A row of tab links (each tab has its own URL) over the chosen tab's panel. A plain click goes
 * through `onSelect` (the router), a modified click keeps the browser's own behaviour.
 */
export function PageTabs({
  tabs,
  current,
  label,
  tabHref,
  onSelect,
  testIdPrefix,
  children,
}: {
  tabs: readonly PageTab[];
  current: string | undefined;
  /** The tab bar's accessible name. */
  label: string;
  tabHref: (tabId: string) => string;
  onSelect: (tabId: string) => void;
  /** `points` gives `points-tab-<id>` and `points-panel-<id>`. */
  testIdPrefix: string;
  children: ReactNode;
}) {
  const select = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onSelect(id);
  };
  return (
    <div className="page-tabs">
      <nav aria-label={label}>
        <ul className="page-tabs__list">
          {tabs.map((tab) => (
            <li key={tab.id}>
              <a
                href={tabHref(tab.id)}
                onClick={(event) => select(event, tab.id)}
                className={tab.id === current ? 'page-tabs__link page-tabs__link--active' : 'page-tabs__link'}
                aria-current={tab.id === current ? 'page' : undefined}
                data-testid={`${testIdPrefix}-tab-${tab.id}`}
              >
                {tab.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="page-tabs__panel" data-testid={`${testIdPrefix}-panel-${current ?? ''}`}>
        {children}
      </div>
    </div>
  );
}
