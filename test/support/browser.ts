import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { ROOT } from './cli.ts';

/** Debian's Chromium (`apt-get install -y chromium`); playwright-core never downloads a browser. */
export const CHROMIUM = process.env.GUILDHALL_TEST_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'dashboard');

/**
 * Headless Chromium for the end-to-end tests. Playwright gives every launch a fresh profile in a
 * temporary --user-data-dir of its own (it refuses one passed as an argument); the flags keep
 * Chromium from reaching the network for updates, sync, QUIC probes or a first-run page.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install it (apt-get update && apt-get install -y chromium) or set GUILDHALL_TEST_CHROMIUM`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export type Problem = { kind: 'console' | 'pageerror'; text: string; url: string };

/**
 * A browser context whose pages' console errors and uncaught exceptions are collected, so a test
 * can assert there were none. A test that provokes an error response on purpose (a 422 to show
 * next to a field, a 404 for another guild) says so with `expectHttpError`: Chromium logs every
 * failed request as a console error, and only those expected ones are let through.
 */
export async function watchedContext(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', ...options });
  const problems: Problem[] = [];
  const expected: Array<{ path: RegExp; status: number }> = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const url = message.location().url;
      const status = /status of (\d{3})/.exec(message.text())?.[1];
      if (status && expected.some((e) => e.status === Number(status) && e.path.test(url))) return;
      problems.push({ kind: 'console', text: message.text(), url });
    });
    page.on('pageerror', (error) =>
      problems.push({ kind: 'pageerror', text: error.stack ?? error.message, url: page.url() }),
    );
  };
  context.on('page', watch);
  const page = await context.newPage();
  return {
    context,
    page,
    expectHttpError(path: RegExp, status: number) {
      expected.push({ path, status });
    },
    /** Every console error and uncaught exception so far, as lines for an assertion message. */
    problems: () => problems.map((p) => `${p.kind}: ${p.text} (${p.url})`),
  };
}

export type Watched = Awaited<ReturnType<typeof watchedContext>>;

/** None of these pages logged an error or threw. */
export function assertNoConsoleErrors(...contexts: Watched[]): void {
  const problems = contexts.flatMap((c) => c.problems());
  assert.deepEqual(problems, [], `console errors:\n${problems.join('\n')}`);
}

/**
 * Saves a screenshot under test-results/dashboard (ignored by git): the whole page, unless it has
 * a pane scrolling on its own (the sandbox's message log on a desktop), whose hidden part a
 * full-page image would not show anyway, or an open dialog, whose backdrop covers the window
 * only: then what the window shows.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // From the top, so the sticky header sits where it belongs in a full-page image.
  await page.evaluate(() => window.scrollTo(0, 0));
  const pane = await page.evaluate(
    () =>
      document.querySelector('dialog[open]') !== null ||
      Array.from(document.querySelectorAll('.sandbox-log')).some(
        (el) => el.scrollHeight > el.clientHeight + 1,
      ),
  );
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: !pane,
    animations: 'disabled',
  });
}

/** Signs the context in as a demo person through the API, as the sign-in page would. */
export async function signInAs(context: BrowserContext, base: string, userId: string): Promise<void> {
  const res = await context.request.post(`${base}/api/v1/auth/demo`, { data: { userId } });
  if (!res.ok()) throw new Error(`demo sign-in failed: ${res.status()} ${await res.text()}`);
}

/** Whether the page is wider than the window (a phone would have to scroll sideways). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}
