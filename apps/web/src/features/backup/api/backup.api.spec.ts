import { ApiError } from '@/shared/api/api-error';
import { backupFileUrl, exportUrl, importWorkspace } from './backup.api';

describe('backup api', () => {
  it('builds download links with encoded segments', () => {
    expect(exportUrl('w1')).toBe('/api/workspaces/w1/export');
    expect(backupFileUrl('w1', 'a b.json')).toBe('/api/workspaces/w1/backups/a%20b.json');
  });

  it('uploads the file as multipart and returns the import result', async () => {
    const fetchImpl = jest.fn(
      async () =>
        new Response(
          JSON.stringify({ workspaceId: 'w2', name: 'Copy', idsKept: true, rows: {}, members: [] }),
          {
            status: 201,
          },
        ),
    );
    const result = await importWorkspace(
      new Blob(['{}']),
      'export.json',
      fetchImpl as unknown as typeof fetch,
    );
    expect(result.workspaceId).toBe('w2');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/workspaces/import');
    expect((init.body as FormData).get('file')).toBeInstanceOf(Blob);
  });

  it('turns an error body into an ApiError with its code', async () => {
    const fetchImpl = jest.fn(
      async () =>
        new Response(
          JSON.stringify({
            statusCode: 400,
            code: 'backup.document_invalid',
            message: 'Not a Podium workspace export',
          }),
          { status: 400 },
        ),
    );
    await expect(
      importWorkspace(new Blob(['x']), 'x.json', fetchImpl as unknown as typeof fetch),
    ).rejects.toMatchObject({
      code: 'backup.document_invalid',
    });
    await expect(
      importWorkspace(new Blob(['x']), 'x.json', fetchImpl as unknown as typeof fetch),
    ).rejects.toBeInstanceOf(ApiError);
  });
});
