import type { MediaDto } from '@podium/contracts';
import { ApiError } from '@/shared/api/api-error';
import { mediaFileUrl, uploadMedia } from './media.api';

const stored: MediaDto = {
  id: '5b0c1f0e-0000-4000-8000-000000000001',
  name: 'party.gif',
  contentType: 'image/gif',
  kind: 'image',
  size: 6,
  createdAt: '2026-11-21T12:00:00.000Z',
  url: '/api/media/5b0c1f0e-0000-4000-8000-000000000001',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('uploadMedia', () => {
  it('posts the file as multipart field `file`, letting the browser set the boundary', async () => {
    const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit | undefined]>();
    fetchMock.mockResolvedValue(json(201, stored));
    const bytes = new Blob([new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])], { type: 'image/gif' });

    const result = await uploadMedia('w 1', bytes, 'party.gif', fetchMock as unknown as typeof fetch);

    expect(result).toEqual(stored);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/workspaces/w%201/media');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect((init?.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    const body = init?.body as FormData;
    const file = body.get('file') as File;
    expect(file.name).toBe('party.gif');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(
      new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]),
    );
  });

  it('throws the api’s refusal as an ApiError with its status and code', async () => {
    const fetchMock = jest.fn().mockResolvedValue(
      json(413, {
        statusCode: 413,
        code: 'validation.body_too_large',
        message: 'request body is too large',
      }),
    );
    const failure = uploadMedia('w1', new Blob(['x']), 'big.webm', fetchMock as unknown as typeof fetch);
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ statusCode: 413, code: 'validation.body_too_large' });
  });

  it('makes up an ApiError for a proxy’s non-JSON answer, and for an unreachable server', async () => {
    const proxy = jest
      .fn()
      .mockResolvedValue(new Response('<html/>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(
      uploadMedia('w1', new Blob(['x']), 'a.png', proxy as unknown as typeof fetch),
    ).rejects.toMatchObject({
      statusCode: 502,
      code: 'client.bad_response',
    });
    const offline = jest.fn().mockRejectedValue(new TypeError('fetch failed'));
    await expect(
      uploadMedia('w1', new Blob(['x']), 'a.png', offline as unknown as typeof fetch),
    ).rejects.toMatchObject({
      statusCode: 0,
      code: 'client.network_unreachable',
    });
  });
});

describe('mediaFileUrl', () => {
  it('is the public media path', () => {
    expect(mediaFileUrl('abc')).toBe('/api/media/abc');
  });
});
