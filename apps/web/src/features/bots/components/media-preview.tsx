import type { MediaDto } from '@podium/contracts';
import { mediaFileUrl } from '../api/media.api';

/** The file itself, from the public media URL: a picture, a muted looping video, or a player. */
export function MediaPreview({ media, compact = false }: { media: MediaDto; compact?: boolean }) {
  const src = media.url || mediaFileUrl(media.id);
  const className = compact ? 'media-preview media-preview--compact' : 'media-preview';
  switch (media.kind) {
    case 'image':
      return <img className={className} src={src} alt={media.name} loading="lazy" />;
    case 'video':
      return (
        <video className={className} src={src} muted loop autoPlay playsInline aria-label={media.name} />
      );
    case 'audio':
      return (
        <audio className="media-preview__audio" src={src} controls preload="none" aria-label={media.name} />
      );
  }
}
