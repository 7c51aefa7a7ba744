import { applyTheme, createThemeStore, isThemePreference, THEME_STORAGE_KEY } from './theme.store';

describe('theme store', () => {
  const saved = new Map<string, string>();

  beforeEach(() => {
    saved.clear();
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      value: {
        getItem: (k: string) => saved.get(k) ?? null,
        setItem: (k: string, v: string) => saved.set(k, v),
      },
    });
  });

  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('persists the choice', () => {
    const store = createThemeStore('system');
    store.getState().setPreference('dark');
    expect(store.getState().preference).toBe('dark');
    expect(saved.get(THEME_STORAGE_KEY)).toBe('dark');
  });

  it('puts the preference on the root element for the CSS to read', () => {
    const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
    applyTheme('light', root);
    expect(root.dataset['theme']).toBe('light');
  });

  it('knows the three preferences only', () => {
    expect(['system', 'light', 'dark'].every(isThemePreference)).toBe(true);
    expect(isThemePreference('sepia')).toBe(false);
  });
});
