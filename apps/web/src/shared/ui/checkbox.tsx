import { useId, type ReactNode } from 'react';
import './checkbox.css';

/** A controlled checkbox with its label beside it. */
export function Checkbox({
  label,
  checked,
  onChange,
  disabled,
  'data-testid': testId,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  'data-testid'?: string;
}) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
        data-testid={testId}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
