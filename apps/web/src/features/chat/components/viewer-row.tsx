import type { ViewerDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { fullTime, shortDateTime } from '../model/chat-time';
import type { KnownViewer, MergeRole } from '../model/viewer-merge';
import { PlatformBadge } from './chat-line';

function SeenAt({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  return (
    <time dateTime={iso} title={fullTime(iso, i18n.language)}>
      {shortDateTime(iso, i18n.language)}
    </time>
  );
}

/** "Merged into Grace (Twitch)": by name when any search showed the target, vaguely otherwise. */
export function MergedInto({ known }: { known: KnownViewer | undefined }) {
  const { t } = useTranslation();
  const text = known
    ? t('viewers.mergedInto', { name: `${known.displayName} (${t(`platforms.${known.platform}`)})` })
    : t('viewers.mergedIntoUnknown');
  return (
    <span className="viewer-row__link" data-testid="viewer-merged-into">
      {text}
    </span>
  );
}

export interface ViewerRowProps {
  viewer: ViewerDto;
  /** The viewer this one was merged into, when its name is known. */
  mergedInto: KnownViewer | undefined;
  /** Its role in the moderator's pick; null when not picked. */
  role: MergeRole | null;
  /** Absent for the read-only view: no merge buttons. */
  onPick?: (role: MergeRole, viewer: ViewerDto) => void;
}

export function ViewerRow({ viewer, mergedInto, role, onPick }: ViewerRowProps) {
  const { t } = useTranslation();
  const labels = { name: viewer.displayName, platform: t(`platforms.${viewer.platform}`) };
  return (
    <tr
      className={role ? `viewer-row viewer-row--${role}` : 'viewer-row'}
      data-testid="viewer-row"
      data-viewer-id={viewer.id}
      data-merged={viewer.mergedIntoId !== null}
    >
      <th scope="row" className="viewer-row__who">
        <PlatformBadge platform={viewer.platform} />
        <span className="viewer-row__name">{viewer.displayName}</span>
        {viewer.login ? <span className="viewer-row__login">@{viewer.login}</span> : null}
        {viewer.mergedIntoId ? <MergedInto known={mergedInto} /> : null}
      </th>
      <td>
        {viewer.roles.length === 0 ? (
          <span className="muted">{t('viewers.noRoles')}</span>
        ) : (
          viewer.roles.map((r) => (
            <span key={r} className={`chat-role chat-role--${r}`}>
              {t(`chat.roles.${r}`)}
            </span>
          ))
        )}
      </td>
      <td>
        <SeenAt iso={viewer.firstSeenAt} />
      </td>
      <td>
        <SeenAt iso={viewer.lastSeenAt} />
      </td>
      {onPick ? (
        <td className="viewer-row__actions">
          <Button
            size="sm"
            variant={role === 'target' ? 'primary' : 'secondary'}
            className="viewer-row__pick"
            aria-pressed={role === 'target'}
            aria-label={t('viewers.keepLabel', labels)}
            onClick={() => onPick('target', viewer)}
            data-testid="pick-target"
          >
            {t('viewers.keep')}
          </Button>
          <Button
            size="sm"
            variant={role === 'source' ? 'primary' : 'secondary'}
            className="viewer-row__pick"
            aria-pressed={role === 'source'}
            aria-label={t('viewers.mergeThisLabel', labels)}
            onClick={() => onPick('source', viewer)}
            data-testid="pick-source"
          >
            {t('viewers.mergeThis')}
          </Button>
        </td>
      ) : null}
    </tr>
  );
}
