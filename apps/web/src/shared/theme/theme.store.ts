import { createStore, useStore } from 'zustand';
import { readStorage, writeStorage } from '../storage';

export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export const THEME_STORAGE_KEY = 'podium.theme';

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);
}

interface ThemeState {
  preference: ThemePreference;
  setPreference: (preference: ThemePreference) => void;
}

/**
 * The preference lives on `<html data-theme>`: `light`/`dark` force a palette, `system` leaves it to
 * `prefers-color-scheme` (see styles.css).
 */
export function applyTheme(
  preference: ThemePreference,
  root: HTMLElement | undefined = globalThis.document?.documentElement,
): void {
  if (root) root.dataset['theme'] = preference;
}

export function createThemeStore(initial: ThemePreference) {
  return createStore<ThemeState>()((set) => ({
    preference: initial,
    setPreference: (preference) => {
      writeStorage(THEME_STORAGE_KEY, preference);
      applyTheme(preference);
      set({ preference });
    },
  }));
}

function savedPreference(): ThemePreference {
  const saved = readStorage(THEME_STORAGE_KEY);
  return isThemePreference(saved) ? saved : 'system';
}

export const themeStore = createThemeStore(savedPreference());

export function useTheme<T>(selector: (state: ThemeState) => T): T {
  return useStore(themeStore, selector);
}
