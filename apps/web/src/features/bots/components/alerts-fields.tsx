import { useId, type ReactNode } from 'react';

/** A controlled checkbox with its label beside it (the bots tabs' toggles). */
export function CheckboxField({
  label,
  checked,
  onChange,
  disabled,
  hint,
  testId,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hint?: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="bot-check">
      <input
        id={id}
        type="checkbox"
        className="bot-check__input"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={testId}
      />
      <label className="bot-check__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint bot-check__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A group of checkboxes over a fixed list (roles), in a fieldset with a legend. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  label,
  onChange,
  disabled,
  error,
}: {
  legend: ReactNode;
  options: readonly T[];
  selected: readonly T[];
  label: (option: T) => ReactNode;
  onChange: (option: T, checked: boolean) => void;
  disabled?: boolean;
  error?: string;
}) {
  return (
    <fieldset className="bot-fieldset bot-fieldset--inline">
      <legend className="field__label">{legend}</legend>
      <div className="bot-check-row">
        {options.map((option) => (
          <CheckboxField
            key={option}
            label={label(option)}
            checked={selected.includes(option)}
            disabled={disabled}
            onChange={(checked) => onChange(option, checked)}
          />
        ))}
      </div>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}
