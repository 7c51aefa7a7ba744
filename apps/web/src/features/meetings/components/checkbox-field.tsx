import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

export interface CheckboxFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'onChange'
> {
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A controlled checkbox with its label beside it and an optional hint under it. */
export function CheckboxField({ label, hint, checked, onChange, className, ...input }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={['checkbox-field', className ?? ''].join(' ').trim()}>
      <input
        {...input}
        id={id}
        type="checkbox"
        className="checkbox-field__input"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label className="checkbox-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint checkbox-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
