import { CHAT_EVENT_KINDS, PLATFORMS } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/shared/ui/field';
import { type ChatFilter, kindOrAll, platformOrAll } from '../model/chat-filter';

/** Platform and kind filters; the log reloads from the server for each change. */
export function ChatFilters({
  filter,
  onChange,
}: {
  filter: ChatFilter;
  onChange: (filter: ChatFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="chat-filters" data-testid="chat-filters">
      <legend className="sr-only">{t('chat.filters.label')}</legend>
      <SelectField
        label={t('chat.filters.platform')}
        name="platform"
        value={filter.platform ?? ''}
        onChange={(event) => onChange({ ...filter, platform: platformOrAll(event.target.value) })}
        data-testid="filter-platform"
      >
        <option value="">{t('chat.filters.allPlatforms')}</option>
        {PLATFORMS.map((platform) => (
          <option key={platform} value={platform}>
            {t(`platforms.${platform}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('chat.filters.kind')}
        name="kind"
        value={filter.kind ?? ''}
        onChange={(event) => onChange({ ...filter, kind: kindOrAll(event.target.value) })}
        data-testid="filter-kind"
      >
        <option value="">{t('chat.filters.allKinds')}</option>
        {CHAT_EVENT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`chat.kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
