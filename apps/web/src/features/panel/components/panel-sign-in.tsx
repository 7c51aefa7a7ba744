import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '@/shared/api/api-error';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { LoadingState } from '@/shared/ui/spinner';
import { usePanelSignIn } from '../api/panel.api';
import { isEmbedded, panelPaths, tokenFromLink } from '../model/panel-link';

/**
 * `/p/:token`: trades the link for a session once, then opens the panel. The exchange runs once per
 * mount even under StrictMode's double effects: a second call would find the link already used.
 */
export function PanelSignIn({ token }: { token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signIn = usePanelSignIn();
  const started = useRef<string | null>(null);

  useEffect(() => {
    if (started.current === token) return;
    started.current = token;
    signIn.mutate(
      { token, embedded: isEmbedded() },
      { onSuccess: (session) => void navigate(panelPaths.panel(session.workspaceId), { replace: true }) },
    );
  }, [token, signIn, navigate]);

  if (signIn.isError) {
    const code = isApiError(signIn.error) ? signIn.error.code : '';
    const key =
      code === 'panel.link_used'
        ? 'used'
        : code === 'panel.link_expired'
          ? 'expired'
          : code
            ? 'invalid'
            : 'failed';
    return (
      <div className="panel-sign-in">
        <Alert tone="error" title={t(`panel.signIn.${key}.title`)}>
          {t(`panel.signIn.${key}.body`)}
        </Alert>
        <PasteLinkForm />
      </div>
    );
  }
  return <LoadingState label={t('panel.signIn.pending')} />;
}

/** Inside an iframe a viewer pastes the link the bot sent, so the session is made where it is used. */
export function PasteLinkForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="panel-paste"
      onSubmit={(event) => {
        event.preventDefault();
        const token = tokenFromLink(value);
        if (!token) {
          setError(t('panel.paste.invalid'));
          return;
        }
        void navigate(panelPaths.signIn(token));
      }}
    >
      <TextField
        label={t('panel.paste.label')}
        hint={t('panel.paste.hint')}
        name="panel-link"
        value={value}
        error={error}
        autoComplete="off"
        onChange={(event) => {
          setValue(event.target.value);
          setError(undefined);
        }}
      />
      <Button type="submit">{t('panel.paste.submit')}</Button>
    </form>
  );
}
