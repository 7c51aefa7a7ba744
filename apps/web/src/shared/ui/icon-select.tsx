import { useId, type ReactNode } from 'react';

export interface IconSelectOption<V extends string> {
  value: V;
  label: string;
  /** The option's language, when its label is written in it. */
  lang?: string;
}

export interface IconSelectProps<V extends string> {
  /** The accessible name (visually hidden). */
  label: string;
  icon: ReactNode;
  value: V;
  options: readonly IconSelectOption<V>[];
  /** The raw chosen value: check it before use. */
  onChange: (value: string) => void;
  testId?: string;
}

/** A compact select with a leading icon and a visually hidden label (header controls). */
export function IconSelect<V extends string>({
  label,
  icon,
  value,
  options,
  onChange,
  testId,
}: IconSelectProps<V>) {
  const id = useId();
  return (
    <div className="compact-select">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <span className="compact-select__icon" aria-hidden="true">
        {icon}
      </span>
      <select
        id={id}
        className="select select--compact"
        value={value}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
