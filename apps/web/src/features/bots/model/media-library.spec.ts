import { MEDIA_MAX_BYTES, type MediaDto } from '@podium/contracts';
import { ApiError } from '@/shared/api/api-error';
import {
  formatBytes,
  MEDIA_ACCEPT,
  mediaFileProblem,
  mediaForSlot,
  mediaUploadProblem,
  sortMedia,
} from './media-library';

const media = (id: string, kind: MediaDto['kind'], createdAt: string): MediaDto => ({
  id,
  name: `${id}.bin`,
  contentType: kind === 'audio' ? 'audio/mpeg' : kind === 'video' ? 'video/webm' : 'image/png',
  kind,
  size: 10,
  createdAt,
  url: `/api/media/${id}`,
});

describe('mediaFileProblem', () => {
  it('accepts a file of exactly the limit and refuses one byte more', () => {
    expect(mediaFileProblem({ size: MEDIA_MAX_BYTES, type: 'image/png' })).toBeNull();
    expect(mediaFileProblem({ size: MEDIA_MAX_BYTES + 1, type: 'image/png' })).toBe('tooBig');
  });

  it('refuses what the browser plainly knows is not media, and leaves unknown types to the server', () => {
    expect(mediaFileProblem({ size: 10, type: 'text/plain' })).toBe('unsupported');
    expect(mediaFileProblem({ size: 10, type: 'application/pdf' })).toBe('unsupported');
    expect(mediaFileProblem({ size: 10, type: '' })).toBeNull();
    expect(mediaFileProblem({ size: 10, type: 'audio/ogg' })).toBeNull();
  });

  it('offers the contract’s content types in the file input', () => {
    expect(MEDIA_ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['image/gif', 'video/webm', 'audio/wav', '.webm']),
    );
  });
});

describe('mediaUploadProblem', () => {
  const apiError = (statusCode: number, code: string) => new ApiError({ statusCode, code, message: 'no' });

  it('words the api’s size limit (multer’s 413) as too big', () => {
    expect(mediaUploadProblem(apiError(413, 'validation.body_too_large'))).toBe('tooBig');
  });

  it('words bytes that are no known media as an unsupported type', () => {
    expect(mediaUploadProblem(apiError(400, 'bots.media_unsupported'))).toBe('unsupported');
    expect(mediaUploadProblem(apiError(415, 'http.415'))).toBe('unsupported');
  });

  it('leaves other failures to the generic error text', () => {
    expect(mediaUploadProblem(apiError(403, 'workspace.forbidden'))).toBeNull();
    expect(mediaUploadProblem(new Error('boom'))).toBeNull();
    expect(mediaUploadProblem(null)).toBeNull();
  });
});

describe('the library lists', () => {
  const library = [
    media('a', 'image', '2026-11-21T10:00:00.000Z'),
    media('b', 'audio', '2026-11-21T12:00:00.000Z'),
    media('c', 'video', '2026-11-21T11:00:00.000Z'),
  ];

  it('offers pictures and animations for the visual, audio for the sound', () => {
    expect(mediaForSlot(library, 'visual').map((m) => m.id)).toEqual(['a', 'c']);
    expect(mediaForSlot(library, 'sound').map((m) => m.id)).toEqual(['b']);
    expect(mediaForSlot(undefined, 'sound')).toEqual([]);
  });

  it('shows the newest first', () => {
    expect(sortMedia(library).map((m) => m.id)).toEqual(['b', 'c', 'a']);
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(MEDIA_MAX_BYTES)).toBe('10.0 MB');
  });
});
