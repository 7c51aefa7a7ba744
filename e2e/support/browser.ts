import { type Browser, type ConsoleMessage, chromium, type LaunchOptions, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with nothing that reaches outside this machine. */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-sync',
      '--disable-component-update',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  };
}

/**
 * Chromium as above. Every page it opens is watched for Content-Security-Policy violations: closing the browser fails the suite if any page
 * had something blocked, so a policy too strict for the app (or a page needing an inline script)
 * shows up in whichever e2e test opened it.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const violations: string[] = [];
  const watch = (page: Page) =>
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        violations.push(`${page.url()}: ${message.text()}`);
      }
    });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', watch);
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async (options) => {
    await close(options);
    if (violations.length > 0) {
      throw new Error(`Content-Security-Policy blocked something:\n${violations.join('\n')}`);
    }
  };
  return browser;
}
