import { useEffect, useId, useRef, useState } from 'react';
import { Button } from './button';

export interface CopyFieldProps {
  label: string;
  value: string;
  copyLabel: string;
  copiedLabel: string;
  testId?: string;
}

/** A read-only value with a copy button: for links shown once (invites, overlay URLs). */
export function CopyField({ label, value, copyLabel, copiedLabel, testId }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard permission (or not a secure context): select the text for a manual copy.
      inputRef.current?.select();
    }
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="input-group">
        <input
          ref={inputRef}
          id={id}
          className="input input--mono"
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="primary" className="input-group__action" onClick={() => void copy()}>
          {copied ? copiedLabel : copyLabel}
        </Button>
      </div>
      <span className="sr-only" role="status">
        {copied ? copiedLabel : ''}
      </span>
    </div>
  );
}
