import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { CopyField } from './copy-field';

export interface SecretRevealProps {
  title: ReactNode;
  body: ReactNode;
  /** Label of the copyable value. */
  label: string;
  value: string;
  testId: string;
  valueTestId: string;
  /** Anything shown after the value (e.g. a preview link). */
  children?: ReactNode;
}

/** A just-created secret (invite link, overlay URL) that is shown once, with a copy button. */
export function SecretReveal({
  title,
  body,
  label,
  value,
  testId,
  valueTestId,
  children,
}: SecretRevealProps) {
  const { t } = useTranslation();
  return (
    <div className="reveal" data-testid={testId}>
      <Alert tone="success" title={title}>
        {body}
      </Alert>
      <CopyField
        label={label}
        value={value}
        copyLabel={t('common.copy')}
        copiedLabel={t('common.copied')}
        testId={valueTestId}
      />
      {children}
    </div>
  );
}
