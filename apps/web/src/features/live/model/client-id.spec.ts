import { CLIENT_ID_STORAGE_KEY, dashboardClientId } from './client-id';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('dashboardClientId', () => {
  it('makes an id once per tab and keeps it', () => {
    const storage = memoryStorage();
    let n = 0;
    const make = () => `id-${++n}`;
    expect(dashboardClientId(storage, make)).toBe('id-1');
    expect(dashboardClientId(storage, make)).toBe('id-1');
    expect(storage.items.get(CLIENT_ID_STORAGE_KEY)).toBe('id-1');
  });

  it('still gives an id when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => undefined,
    };
    expect(dashboardClientId(broken, () => 'fresh')).toBe('fresh');
  });
});
