import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchChromium } from '../../tools/browser';

export type Session = {
  page: Page;
  context: BrowserContext;
  errors: string[];
  url: (hash?: string) => string;
};

/**
 * One Chromium for the file and a fresh page per test. Console errors and uncaught exceptions are
 * collected, and each test fails if any appeared.
 */
export function useBrowser(viewport = { width: 1366, height: 768 }): Session {
  let browser: Browser;
  const session = { errors: [] as string[] } as Session;
  const baseUrl = inject('baseUrl');
  session.url = (hash = '') => `${baseUrl}${hash}`;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session.errors = [];
    session.context = await browser.newContext({ viewport });
    await failOnCspViolations(session.context);
    session.page = await session.context.newPage();
    session.page.on('console', (message) => {
      if (message.type() === 'error') session.errors.push(message.text());
    });
    session.page.on('pageerror', (error) => session.errors.push(String(error)));
  });
  afterEach(async () => {
    await session.context?.close();
    expect(session.errors, 'console errors').toEqual([]);
  });
  return session;
}

/**
 * Reports every Content-Security-Policy violation as a console error, so that a test fails when
 * the build's policy blocks something the app does.
 */
export async function failOnCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

/** Opens the app at `hash` and waits until its map has drawn a concept. */
export async function openApp(session: Session, hash = ''): Promise<Page> {
  const { page } = session;
  await page.goto(session.url(hash));
  await page.locator('.react-flow__node-concept').first().waitFor();
  return page;
}

export async function seriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}
