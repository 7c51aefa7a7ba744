import type { Page } from 'playwright-core';

/**
 * Well-known XSS payloads. Each one, if it ever ran, sets `window.__xss` (or opens a dialog); all
 * fit a rehearsal viewer name (50 characters), the short ones an attendee nickname (32).
 */
export const XSS_PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  "{{constructor.constructor('window.__xss=1')()}}",
  '<a href="javascript:window.__xss=1">link</a>',
  '[x](javascript:window.__xss=1)',
  '<iframe srcdoc="<b onmouseover=alert(1)>">',
  "'-alert(1)-'<svg/onload=alert(1)>",
  '<details open ontoggle=window.__xss=1>',
] as const;

/** The payloads short enough for an attendee nickname. */
export const NICKNAME_PAYLOADS = XSS_PAYLOADS.filter((payload) => payload.length <= 32);

/**
 * Watches a page for the two signs of a payload that ran: a dialog (recorded and dismissed) and
 * `window.__xss` being set (a setter installed before any page script, so even a value set and
 * deleted again is caught).
 */
export function watchForScripts(page: Page): { dialogs: string[] } {
  const watch = { dialogs: [] as string[] };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  void page.addInitScript(() => {
    const w = window as unknown as { __xssHits: number };
    w.__xssHits = 0;
    Object.defineProperty(window, '__xss', {
      configurable: false,
      get: () => undefined,
      set: () => {
        w.__xssHits += 1;
      },
    });
  });
  return watch;
}

export interface PageSafety {
  /** Times a payload assigned `window.__xss`. */
  xssHits: number;
  /** Links, frames or sources that would run script (`javascript:` addresses, `srcdoc` frames). */
  scriptAddresses: string[];
  /** Elements carrying an inline event handler attribute (`onerror`, `onload`…). */
  inlineHandlers: string[];
  /** Script elements whose code mentions a payload. */
  injectedScripts: number;
}

/**
 * Waits until every one of `texts` is visible as text on the page (innerText), gives a payload that
 * slipped through a moment to fire (an image error, a load event), then reads what the page holds.
 */
export async function safetyOf(page: Page, texts: readonly string[], timeout = 15_000): Promise<PageSafety> {
  try {
    await page.waitForFunction(
      (wanted) => {
        const shown = document.body.innerText;
        return wanted.every((text) => shown.includes(text));
      },
      texts,
      { timeout },
    );
  } catch (error) {
    const shown = await page.evaluate(() => document.body.innerText);
    const missing = texts.filter((text) => !shown.includes(text));
    throw new Error(`not shown as text on ${page.url()}: ${JSON.stringify(missing)}\n${String(error)}`);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const describe = (element: Element) => element.outerHTML.slice(0, 120);
    return {
      xssHits: (window as unknown as { __xssHits?: number }).__xssHits ?? -1,
      scriptAddresses: all
        .filter(
          (element) =>
            ['href', 'src', 'action', 'formaction', 'data'].some((name) =>
              /^\s*javascript:/i.test(element.getAttribute(name) ?? ''),
            ) || element.hasAttribute('srcdoc'),
        )
        .map(describe),
      inlineHandlers: all
        .filter((element) => element.getAttributeNames().some((name) => name.toLowerCase().startsWith('on')))
        .map(describe),
      injectedScripts: [...document.scripts].filter((script) => script.text.includes('__xss')).length,
    };
  });
}

/** What a page that showed the payloads as text, and ran none of them, reads as. */
export const SAFE: PageSafety = { xssHits: 0, scriptAddresses: [], inlineHandlers: [], injectedScripts: 0 };
