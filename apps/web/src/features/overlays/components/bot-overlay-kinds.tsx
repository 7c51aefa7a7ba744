import { useTranslation } from 'react-i18next';
import { CopyField } from '@/shared/ui/copy-field';
import { overlayUrl } from '../api/overlay-tokens.api';
import { BOT_OVERLAY_KINDS } from '../model/bot-overlay-kinds';
import './bot-overlay-kinds.css';

/** The bots' overlay pages for a just-created token: each URL with the browser source size to use. */
export function BotOverlayKinds({ origin, token }: { origin: string; token: string }) {
  const { t } = useTranslation();
  return (
    <section className="bot-overlay-kinds" data-testid="bot-overlay-kinds">
      <h3 className="card__title">{t('botAlerts.overlays.kindsTitle')}</h3>
      <p className="muted">{t('botAlerts.overlays.kindsBody')}</p>
      <ul className="bot-overlay-kinds__list">
        {BOT_OVERLAY_KINDS.map(({ kind, width, height }) => (
          <li key={kind} data-testid={`overlay-kind-${kind}`}>
            <CopyField
              label={`${t(`botAlerts.overlays.kinds.${kind}`)} · ${t('botAlerts.overlays.size', { width, height })}`}
              value={overlayUrl(origin, token, kind)}
              copyLabel={t('common.copy')}
              copiedLabel={t('common.copied')}
              testId={`overlay-url-${kind}`}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
