export const CLIENT_ID_STORAGE_KEY = 'podium.live.clientId';

type IdStorage = Pick<Storage, 'getItem' | 'setItem'>;

function sessionStore(): IdStorage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * This dashboard tab's id for meeting control. sessionStorage is per tab and survives a reload, so a
 * reloaded dashboard keeps control while a second tab is a different controller.
 */
export function dashboardClientId(
  storage: IdStorage | undefined = sessionStore(),
  makeId: () => string = () => crypto.randomUUID(),
): string {
  try {
    const saved = storage?.getItem(CLIENT_ID_STORAGE_KEY);
    if (saved) return saved;
    const created = makeId();
    storage?.setItem(CLIENT_ID_STORAGE_KEY, created);
    return created;
  } catch {
    // Storage refused (private mode): control then lasts as long as this page.
    return makeId();
  }
}
