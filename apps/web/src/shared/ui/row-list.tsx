import type { ReactNode } from 'react';

export interface RowListProps<T> {
  /** The loaded rows, or undefined while there are none to show (loading, error). */
  items: readonly T[] | undefined;
  /** Shown when the list is loaded and empty. */
  empty: ReactNode;
  testId: string;
  /** One `RowListItem` (with a key) a row. */
  children: (item: T) => ReactNode;
}

/** A loaded list of rows: nothing before it loads, a muted line when empty. */
export function RowList<T>({ items, empty, testId, children }: RowListProps<T>) {
  if (!items) return null;
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="row-list" data-testid={testId}>
      {items.map(children)}
    </ul>
  );
}

/** A row: a title and a line of details, with an action on the side. */
export function RowListItem({
  title,
  meta,
  action,
}: {
  title: ReactNode;
  meta: ReactNode;
  action?: ReactNode;
}) {
  return (
    <li className="row-list__item">
      <div>
        <p className="row-list__title">{title}</p>
        <p className="row-list__meta">{meta}</p>
      </div>
      {action}
    </li>
  );
}
