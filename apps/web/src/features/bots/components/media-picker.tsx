import type { MediaDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/shared/ui/field';
import { type MediaSlot, mediaForSlot } from '../model/media-library';
import { MediaPreview } from './media-preview';

export interface MediaPickerProps {
  label: string;
  slot: MediaSlot;
  /** The workspace's library (undefined while it loads). */
  media: readonly MediaDto[] | undefined;
  /** A media id, or '' for none. */
  value: string;
  onChange: (mediaId: string) => void;
  disabled?: boolean;
  error?: string;
}

/** Picks an alert's picture/animation or its sound from the media library, with a preview. */
export function MediaPicker({ label, slot, media, value, onChange, disabled, error }: MediaPickerProps) {
  const { t } = useTranslation();
  const options = mediaForSlot(media, slot);
  const chosen = options.find((item) => item.id === value);
  // A media deleted since (or not loaded yet) still shows as chosen rather than silently becoming none.
  const missing = value !== '' && !chosen;
  return (
    <div className="media-picker">
      <SelectField
        label={label}
        name={slot}
        value={value}
        disabled={disabled}
        error={error}
        hint={options.length === 0 ? t('botAlerts.media.pickerEmpty') : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{t('botAlerts.media.none')}</option>
        {missing ? <option value={value}>{t('botAlerts.media.missing')}</option> : null}
        {options.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </SelectField>
      {chosen ? <MediaPreview media={chosen} compact /> : null}
    </div>
  );
}
