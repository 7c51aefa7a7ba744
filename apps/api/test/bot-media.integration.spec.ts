import type { ApiErrorDto, MediaDto } from '@podium/contracts';
import { newMember } from './support/factories';
import { useTestSuite } from './support/test-suite';

/** A real 1×1 PNG, GIF and a WebM header: what a browser would upload. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const WEBM = Buffer.concat([
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01]),
  Buffer.from([0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84]),
  Buffer.from('webm', 'ascii'),
  Buffer.from([0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]),
]);

describe('bot media: upload, list, serve, delete (PostgreSQL)', () => {
  const suite = useTestSuite();
  const ws = () => `/api/workspaces/${suite.owner.workspaceId}`;

  async function upload(
    bytes: Buffer,
    name: string,
    claimedType: string,
    cookie = suite.owner.client.cookie,
  ): Promise<{ status: number; body: MediaDto & ApiErrorDto }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: claimedType }), name);
    const response = await fetch(`${suite.app.baseUrl}${ws()}/media`, {
      method: 'POST',
      headers: cookie ? { cookie } : {},
      body: form,
    });
    return { status: response.status, body: (await response.json()) as MediaDto & ApiErrorDto };
  }

  it('stores PNG, GIF and WebM by their bytes, lists them and serves them with the right type', async () => {
    // The client's content type is a lie on purpose: the bytes decide.
    const png = await upload(PNG, 'dot.png', 'application/octet-stream');
    const gif = await upload(GIF, 'dot.gif', 'image/png');
    const webm = await upload(WEBM, 'clip.webm', 'text/plain');
    expect([png.status, gif.status, webm.status]).toEqual([201, 201, 201]);
    expect(png.body).toMatchObject({
      contentType: 'image/png',
      kind: 'image',
      size: PNG.length,
      name: 'dot.png',
    });
    expect(gif.body).toMatchObject({ contentType: 'image/gif', kind: 'image' });
    expect(webm.body).toMatchObject({ contentType: 'video/webm', kind: 'video' });

    const list = await suite.owner.client.get<MediaDto[]>(`${ws()}/media`);
    expect(list.status).toBe(200);
    expect(list.body.map((m) => m.id).sort()).toEqual([png.body.id, gif.body.id, webm.body.id].sort());

    // Public: no cookie needed, exact bytes, immutable cache, never sniffed.
    const served = await fetch(`${suite.app.baseUrl}/api/media/${png.body.id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const servedGif = await fetch(`${suite.app.baseUrl}${gif.body.url}`);
    expect(servedGif.headers.get('content-type')).toBe('image/gif');
  });

  it('refuses a text file renamed .png, with a clear 400 naming the field', async () => {
    const fake = await upload(Buffer.from('<script>alert(1)</script> not an image'), 'evil.png', 'image/png');
    expect(fake.status).toBe(400);
    expect(fake.body).toMatchObject({ code: 'bots.media_unsupported', field: 'file' });
  });

  it('refuses an 11 MB file with 413 and stores nothing', async () => {
    const before = await suite.db.query('select id from media');
    const big = Buffer.alloc(11 * 1024 * 1024, 0);
    PNG.copy(big);
    const result = await upload(big, 'huge.png', 'image/png');
    expect(result.status).toBe(413);
    expect(result.body.statusCode).toBe(413);
    expect(await suite.db.query('select id from media')).toHaveLength(before.length);
  });

  it('answers 404 for an unknown id, and deletes only with moderator rights', async () => {
    const missing = await fetch(`${suite.app.baseUrl}/api/media/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);

    const png = await upload(PNG, 'gone.png', 'image/png');
    const viewer = await newMember(suite.owner.client, suite.owner.workspaceId, 'viewer');
    const refusedUpload = await upload(PNG, 'v.png', 'image/png', viewer.client.cookie);
    expect(refusedUpload.status).toBe(403);
    expect((await viewer.client.delete(`${ws()}/media/${png.body.id}`)).status).toBe(403);

    expect((await suite.owner.client.delete(`${ws()}/media/${png.body.id}`)).status).toBe(204);
    expect((await fetch(`${suite.app.baseUrl}/api/media/${png.body.id}`)).status).toBe(404);
    expect((await suite.owner.client.delete(`${ws()}/media/${png.body.id}`)).status).toBe(404);
  });
});
