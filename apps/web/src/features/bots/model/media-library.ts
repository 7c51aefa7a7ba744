import { MEDIA_CONTENT_TYPES, MEDIA_MAX_BYTES, type MediaDto, type MediaKind } from '@podium/contracts';
import { isApiError } from '@/shared/api/api-error';

/** What the file input offers; the server still decides by the file's bytes. */
export const MEDIA_ACCEPT = [
  ...MEDIA_CONTENT_TYPES,
  '.webm',
  '.gif',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.mp4',
  '.mp3',
  '.ogg',
  '.wav',
].join(',');

/** Why an upload was (or would be) refused, as the page words it. */
export type MediaProblem = 'tooBig' | 'unsupported';

/**
 * Checked before sending, to spare a 10 MB upload that will be refused. Only the size is certain
 * here: a file's type is the browser's guess from its name, so an empty or known type is left to
 * the server, and only a type that is plainly none of image/video/audio is refused early.
 */
export function mediaFileProblem(file: { size: number; type: string }): MediaProblem | null {
  if (file.size > MEDIA_MAX_BYTES) return 'tooBig';
  if (file.type && !/^(image|video|audio)\//.test(file.type)) return 'unsupported';
  return null;
}

/** The api's codes for a refused upload: multer's size limit (a 413), and bytes that are no known media. */
export const MEDIA_TOO_LARGE_CODE = 'validation.body_too_large';
export const MEDIA_UNSUPPORTED_CODE = 'bots.media_unsupported';

/** The server's refusal of an upload, in the page's words; null for other failures (shown as they come). */
export function mediaUploadProblem(error: unknown): MediaProblem | null {
  if (!isApiError(error)) return null;
  if (error.statusCode === 413 || error.code === MEDIA_TOO_LARGE_CODE) return 'tooBig';
  if (error.statusCode === 415 || error.code === MEDIA_UNSUPPORTED_CODE) return 'unsupported';
  return null;
}

/** Which media a picker offers: pictures and animations for an alert's visual, audio for its sound. */
export type MediaSlot = 'visual' | 'sound';

const SLOT_KINDS: Record<MediaSlot, readonly MediaKind[]> = {
  visual: ['image', 'video'],
  sound: ['audio'],
};

export function mediaForSlot(media: readonly MediaDto[] | undefined, slot: MediaSlot): MediaDto[] {
  return (media ?? []).filter((item) => SLOT_KINDS[slot].includes(item.kind));
}

/** Newest first, as the library shows it. */
export function sortMedia(media: readonly MediaDto[]): MediaDto[] {
  return [...media].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name));
}

/** Bytes for people: 512 B, 12.3 KB, 4.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
