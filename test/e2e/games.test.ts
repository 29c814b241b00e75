import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { APIRequestContext, Browser } from 'playwright-core';
import { DEMO_CHANNELS, DEMO_CROWD, DEMO_GUILD, DEMO_GUILD_B, DEMO_USERS } from '#modules/core/demo.ts';
import { buildWeb, staleReason } from '../../scripts/build-web.ts';
import {
  assertNoConsoleErrors,
  launchChromium,
  overflowsHorizontally,
  SCREENSHOTS,
  screenshot,
  signInAs,
  type Watched,
  watchedContext,
} from '../support/browser.ts';
import { startGuildhall } from '../support/guildhall-server.ts';

const [ADA, HUGO, MIA] = DEMO_USERS.map((u) => u.id) as [string, string, string];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

type SandboxMessage = {
  id: string;
  channelId: string;
  embeds: Array<{ title?: string }>;
  components: Array<{ components?: Array<{ custom_id?: string; label?: string }> }>;
};

/** A date a few days ahead as the date input wants it, in Berlin (the demo guild's zone). */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

/**
 * The games pages in real Chromium against a real `guildhall start`: a host creates a game in the
 * form and the sandbox shows its announcement; another demo person presses its Join button and the
 * host's page follows live; the eleventh joiner of ten slots waits; the API's objection shows next
 * to its field; another guild's games stay out of reach. Every page renders without console errors.
 */
describe('the games pages in a browser', () => {
  let server: Awaited<ReturnType<typeof startGuildhall>>;
  let browser: Browser;
  const opened: Watched[] = [];

  before(async () => {
    mkdirSync(path.join(SCREENSHOTS, 'games'), { recursive: true });
    if (staleReason()) await buildWeb();
    [server, browser] = await Promise.all([startGuildhall(), launchChromium()]);
  });
  // Each test's browsers go when it ends: open game pages keep an event stream each, and sandbox
  // pages poll, which would only slow the tests after them.
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.context.close().catch(() => {});
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(options: Parameters<typeof watchedContext>[1] = {}) {
    const watched = await watchedContext(browser, { viewport: DESKTOP, ...options });
    opened.push(watched);
    return watched;
  }

  /** A signed-in API caller (with the session's CSRF token, as the dashboard sends it). */
  async function apiAs(request: APIRequestContext) {
    const session = await request.get(`${server.base}/api/v1/auth/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const send = async (method: 'POST' | 'PUT' | 'DELETE', path: string, data?: unknown) => {
      const res = await request.fetch(`${server.base}${path}`, {
        method,
        headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        ...(data === undefined ? {} : { data: JSON.stringify(data) }),
      });
      assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    };
    return {
      post: (path: string, data?: unknown) => send('POST', path, data ?? {}),
      get: async (path: string) => {
        const res = await request.get(`${server.base}${path}`);
        assert.ok(res.ok(), `GET ${path}: ${res.status()} ${await res.text()}`);
        return res.json();
      },
    };
  }

  /** The bot's announcement of a game in a channel, once the consumer has posted it. */
  async function announcement(
    caller: Awaited<ReturnType<typeof apiAs>>,
    title: string,
    channelId: string,
  ): Promise<SandboxMessage> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { messages } = (await caller.get(`/api/v1/sandbox/messages?channelId=${channelId}&limit=50`)) as {
        messages: SandboxMessage[];
      };
      const found = messages.find((m) => m.embeds.some((e) => e.title?.includes(title)));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no announcement of “${title}” in ${channelId}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  function joinButton(message: SandboxMessage): string {
    const id = message.components
      .flatMap((row) => row.components ?? [])
      .find((c) => c.label === 'Join')?.custom_id;
    assert.ok(id, 'the announcement has a Join button');
    return id;
  }

  it('signs in with the demo, creates a game from the form, and the sandbox shows its announcement', async () => {
    const ada = await open();
    const { page } = ada;
    await page.goto(`${server.base}/guilds/${DEMO_GUILD}/games`);
    await page.getByRole('button', { name: /Continue as Ada/ }).click();
    await page.getByRole('heading', { name: 'Games', exact: true }).waitFor();
    await page.getByRole('link', { name: 'New game' }).click();
    await page.getByRole('heading', { name: 'New game' }).waitFor();

    await page.getByLabel('Title', { exact: true }).fill('Valheim night');
    await page.getByLabel('Game or activity').fill('Valheim');
    await page.getByLabel('Date').fill(daysAhead(3));
    await page.getByLabel('Start time').fill('20:00');
    await page.getByLabel('Maximum players').fill('6');
    await page.getByLabel('Announcement channel').selectOption({ label: '#game-night' });
    await screenshot(page, 'games/new-game-filled');
    await page.getByRole('button', { name: 'Create game' }).click();

    await page.getByRole('heading', { name: 'Valheim night' }).waitFor();
    assert.match(page.url(), new RegExp(`/guilds/${DEMO_GUILD}/games/[0-9a-f-]{36}$`));
    // 20:00 in Berlin, shown in the browser's zone (Berlin too).
    assert.match(await page.locator('.facts').innerText(), /8:00\s?PM/);

    await page.getByRole('link', { name: 'Discord sandbox' }).click();
    await page.getByRole('link', { name: '# game-night' }).click();
    const posted = page.locator('article', { hasText: 'Valheim night' });
    await posted.waitFor({ timeout: 20_000 });
    await posted.getByRole('button', { name: 'Join' }).waitFor();
    await screenshot(page, 'games/sandbox-announcement');
    assertNoConsoleErrors(ada);
  });

  it('shows another demo person joining from the sandbox on the host’s page, live, without a reload', async () => {
    const ada = await open();
    await signInAs(ada.context, server.base, ADA);
    const api = await apiAs(ada.context.request);
    const game = (await api.post(`/api/v1/guilds/${DEMO_GUILD}/games`, {
      title: 'Raid practice',
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      maxPlayers: 4,
      channelId: DEMO_CHANNELS.gameNight,
    })) as { id: string };
    await ada.page.goto(`${server.base}/guilds/${DEMO_GUILD}/games/${game.id}`);
    await ada.page.getByRole('heading', { name: 'Raid practice' }).waitFor();
    await ada.page.locator('[data-live="open"]').waitFor();
    // Marks this document: a reload would lose it.
    await ada.page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    const players = ada.page.locator('[data-roster="players"]');
    assert.equal(await players.getByText('Mia').count(), 0);

    // Mia, in her own browser, presses Join on the announcement in the sandbox.
    const mia = await open();
    await signInAs(mia.context, server.base, MIA);
    await mia.page.goto(`${server.base}/sandbox`);
    await mia.page.getByRole('link', { name: '# game-night' }).click();
    const posted = mia.page.locator('article', { hasText: 'Raid practice' });
    await posted.waitFor({ timeout: 20_000 });
    await posted.getByRole('button', { name: 'Join' }).click();
    await mia.page.locator('article', { hasText: 'You are in' }).waitFor();

    await players.getByText('Mia').waitFor({ timeout: 15_000 });
    assert.equal(
      await ada.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
      true,
    );
    await screenshot(ada.page, 'games/detail-live-join');
    assertNoConsoleErrors(ada, mia);
  });

  it('puts the eleventh joiner of a ten-slot game on the waitlist', async () => {
    const ada = await open();
    await signInAs(ada.context, server.base, ADA);
    const api = await apiAs(ada.context.request);
    const game = (await api.post(`/api/v1/guilds/${DEMO_GUILD}/games`, {
      title: 'Ten-slot tournament',
      startsAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
      maxPlayers: 10,
      channelId: DEMO_CHANNELS.gameNight,
    })) as { id: string };
    const message = await announcement(api, 'Ten-slot tournament', DEMO_CHANNELS.gameNight);
    const customId = joinButton(message);
    // Ten demo people press Join in the sandbox, one after the other (Ada acting as each).
    const people = [...DEMO_USERS.map((u) => u.id), ...DEMO_CROWD.map((u) => u.id)];
    assert.ok(people.length >= 11, 'the demo guild has enough people');
    for (const actAs of people.slice(0, 10))
      await api.post('/api/v1/sandbox/interactions', {
        type: 'component',
        messageId: message.id,
        customId,
        actAs,
      });

    await ada.page.goto(`${server.base}/guilds/${DEMO_GUILD}/games/${game.id}`);
    await ada.page.getByRole('heading', { name: 'Players (10/10)' }).waitFor();
    await ada.page.getByRole('heading', { name: 'Waitlist (0)' }).waitFor();

    // The eleventh presses Join through the sandbox page: the host's page shows them waiting.
    const eleventh = DEMO_CROWD[DEMO_CROWD.length - 1];
    assert.ok(eleventh && people.indexOf(eleventh.id) >= 10);
    const sandbox = await open();
    await signInAs(sandbox.context, server.base, ADA);
    await sandbox.page.goto(`${server.base}/sandbox`);
    await sandbox.page.getByLabel('Acting as').selectOption({ label: eleventh.globalName });
    await sandbox.page.waitForURL(/actAs=/);
    await sandbox.page.getByRole('link', { name: '# game-night' }).click();
    const posted = sandbox.page.locator('article', { hasText: 'Ten-slot tournament' }).first();
    await posted.getByRole('button', { name: 'Join' }).click();
    await sandbox.page.locator('article', { hasText: 'waitlist' }).first().waitFor();

    const waitlist = ada.page.locator('[data-roster="waitlist"]');
    await waitlist.getByText(eleventh.globalName).waitFor({ timeout: 15_000 });
    await ada.page.getByRole('heading', { name: 'Waitlist (1)' }).waitFor();
    assert.equal(await ada.page.locator('[data-roster="players"]').getByText(eleventh.globalName).count(), 0);
    await screenshot(ada.page, 'games/detail-waitlist');

    // The host promotes nobody (no free slot) but can remove a player: the first waiting moves up.
    await ada.page.getByRole('button', { name: 'Remove Sam' }).click();
    await ada.page.locator('[data-roster="players"]').getByText(eleventh.globalName).waitFor();
    await ada.page.getByRole('heading', { name: 'Waitlist (0)' }).waitFor();
    assertNoConsoleErrors(ada, sandbox);
  });

  it('asks whether to cancel one game of a repeating series or the series, and can end the series later', async () => {
    const ada = await open();
    await signInAs(ada.context, server.base, ADA);
    const api = await apiAs(ada.context.request);
    const game = (await api.post(`/api/v1/guilds/${DEMO_GUILD}/games`, {
      title: 'Weekly league night',
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      recurrence: { kind: 'weekly', interval: 1 },
    })) as { id: string };
    // Editing it asks whether the change is for this game or the series.
    await ada.page.goto(`${server.base}/guilds/${DEMO_GUILD}/games/${game.id}/edit`);
    const thisOnly = ada.page.getByRole('radio', { name: 'only this game (the series stays as it was)' });
    assert.equal(await thisOnly.isChecked(), true, 'this one is the default');
    await ada.page.getByRole('radio', { name: 'this and every later game of the series' }).check();
    await ada.page.getByLabel('Title', { exact: true }).fill('Weekly league night (new season)');
    // The rule is shown as it is, and can change: every other week from now on.
    assert.equal(await ada.page.getByLabel('Repeats').inputValue(), 'weekly');
    await ada.page.getByLabel('Every … weeks', { exact: true }).fill('2');
    await screenshot(ada.page, 'games/edit-which');
    await ada.page.getByRole('button', { name: 'Save changes' }).click();
    await ada.page.getByRole('heading', { name: 'Weekly league night (new season)' }).waitFor();
    const edited = (await api.get(`/api/v1/guilds/${DEMO_GUILD}/games/${game.id}`)) as {
      recurrence: unknown;
    };
    assert.deepEqual(edited.recurrence, { kind: 'weekly', interval: 2 });

    await ada.page.getByRole('button', { name: 'Cancel game' }).click();
    const onlyThis = ada.page.getByRole('radio', { name: 'only this game (the series goes on)' });
    assert.equal(await onlyThis.isChecked(), true, 'this one is the default');
    await ada.page.getByRole('radio', { name: 'this and every later game of the series' }).waitFor();
    await screenshot(ada.page, 'games/cancel-which');
    await ada.page.locator('form.confirm').getByRole('button', { name: 'Cancel game' }).click();
    await ada.page.getByText('Only this game was cancelled').waitFor();
    let stored = (await api.get(`/api/v1/guilds/${DEMO_GUILD}/games/${game.id}`)) as { cancelScope: string };
    assert.equal(stored.cancelScope, 'occurrence');

    await ada.page.getByRole('button', { name: 'Cancel the rest of the series' }).click();
    await ada.page.getByText('This game and every later game of its series were cancelled.').waitFor();
    stored = (await api.get(`/api/v1/guilds/${DEMO_GUILD}/games/${game.id}`)) as { cancelScope: string };
    assert.equal(stored.cancelScope, 'series');
    assert.equal(await ada.page.getByRole('button', { name: 'Cancel the rest of the series' }).count(), 0);
    assertNoConsoleErrors(ada);
  });

  it('shows the API’s objection next to the field it is about', async () => {
    const hugo = await open();
    hugo.expectHttpError(/\/api\/v1\/guilds\/\d+\/games$/, 422);
    await signInAs(hugo.context, server.base, HUGO);
    await hugo.page.goto(`${server.base}/guilds/${DEMO_GUILD}/games/new`);
    await hugo.page.getByLabel('Title', { exact: true }).fill('Yesterday’s game');
    const date = hugo.page.getByLabel('Date');
    await date.fill(daysAhead(-2));
    await hugo.page.getByRole('button', { name: 'Create game' }).click();
    const error = hugo.page.locator('.zoned .field-error');
    await error.waitFor();
    assert.match(await error.innerText(), /past/i);
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    assert.ok(
      (await date.getAttribute('aria-describedby'))?.includes((await error.getAttribute('id')) ?? '-'),
    );
    await hugo.page.getByRole('alert').filter({ hasText: 'could not be saved' }).waitFor();
    await screenshot(hugo.page, 'games/new-game-error');

    // Fewer maximum than minimum players: the objection sits under "Maximum players".
    await date.fill(daysAhead(2));
    await hugo.page.getByLabel('Minimum players').fill('5');
    const max = hugo.page.getByLabel('Maximum players');
    await max.fill('3');
    await hugo.page.getByRole('button', { name: 'Create game' }).click();
    const maxError = hugo.page.locator('.field', { has: max }).locator('.field-error');
    await maxError.waitFor();
    assert.equal(await max.getAttribute('aria-invalid'), 'true');
    assert.equal(await hugo.page.locator('.zoned .field-error').count(), 0, 'the date is fine now');
    assertNoConsoleErrors(hugo);
  });

  it('keeps a member of one guild out of another guild’s games', async () => {
    const mia = await open();
    await signInAs(mia.context, server.base, MIA);
    const miaApi = await apiAs(mia.context.request);
    const raid = (await miaApi.post(`/api/v1/guilds/${DEMO_GUILD_B}/games`, {
      title: 'Secret raid',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    })) as { id: string };

    const ada = await open();
    ada.expectHttpError(new RegExp(`/api/v1/guilds/${DEMO_GUILD_B}`), 404);
    ada.expectHttpError(new RegExp(`/api/v1/guilds/${DEMO_GUILD}/games/${raid.id}`), 404);
    await signInAs(ada.context, server.base, ADA);
    for (const path of [
      `/guilds/${DEMO_GUILD_B}/games`,
      `/guilds/${DEMO_GUILD_B}/games/calendar`,
      `/guilds/${DEMO_GUILD_B}/games/new`,
      `/guilds/${DEMO_GUILD_B}/games/${raid.id}`,
      `/guilds/${DEMO_GUILD_B}/games/templates`,
    ]) {
      await ada.page.goto(`${server.base}${path}`);
      await ada.page.getByRole('heading', { name: 'Guild not found' }).waitFor();
      assert.equal(await ada.page.getByText('Secret raid').count(), 0);
      assert.equal(await ada.page.getByText('Demo Raiders').count(), 0);
    }
    // Nor through her own guild's address.
    await ada.page.goto(`${server.base}/guilds/${DEMO_GUILD}/games/${raid.id}`);
    await ada.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    assert.equal(await ada.page.getByText('Secret raid').count(), 0);
    assertNoConsoleErrors(ada, mia);
  });

  it('moves through the calendar with the arrow keys, with a visible focus', async () => {
    const ada = await open();
    await signInAs(ada.context, server.base, ADA);
    // The 10th: a week later and a day earlier are in the same month's grid whatever the month.
    const at = `${daysAhead(0).slice(0, 8)}10`;
    await ada.page.goto(`${server.base}/guilds/${DEMO_GUILD}/games/calendar?view=month&at=${at}`);
    await ada.page.getByRole('heading', { name: 'Calendar', exact: true }).waitFor();
    // The anchor day is the grid's one tab stop.
    const cell = ada.page.locator(`td[data-day="${at}"]`);
    await cell.focus();
    assert.equal(await cell.getAttribute('tabindex'), '0');
    assert.equal(
      await ada.page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle),
      'solid',
    );
    await ada.page.keyboard.press('ArrowDown');
    const week = await ada.page.evaluate(() => (document.activeElement as HTMLElement).dataset.day);
    assert.equal(week, new Date(Date.parse(`${at}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10));
    await ada.page.keyboard.press('ArrowLeft');
    const before = await ada.page.evaluate(() => (document.activeElement as HTMLElement).dataset.day);
    assert.equal(before, new Date(Date.parse(`${at}T12:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10));
    assertNoConsoleErrors(ada);
  });

  it('makes, replaces and turns off the calendar feed link', async () => {
    const mia = await open();
    await signInAs(mia.context, server.base, MIA);
    await mia.page.goto(`${server.base}/guilds/${DEMO_GUILD}`);
    await mia.page.getByRole('link', { name: 'Calendar feed' }).click();
    await mia.page.getByRole('heading', { name: 'Calendar feed' }).waitFor();
    await mia.page.getByRole('button', { name: 'Create my feed link' }).click();
    const address = mia.page.getByLabel('Your private feed address');
    await address.waitFor();
    const first = await address.inputValue();
    assert.match(first, /\/api\/v1\/calendar\/[^/]+\.ics$/);
    const ics = await mia.context.request.get(first);
    assert.equal(ics.status(), 200);
    // Mia joined "Raid practice" from the sandbox above.
    assert.match(await ics.text(), /BEGIN:VCALENDAR[\s\S]*Raid practice/);
    await screenshot(mia.page, 'games/feed-created');

    await mia.page.getByRole('button', { name: 'Make a new link' }).click();
    await mia.page.getByRole('alertdialog').getByRole('button', { name: 'Make a new link' }).click();
    await mia.page.waitForFunction(
      (old) => (document.querySelector('#feed-url') as HTMLInputElement | null)?.value !== old,
      first,
    );
    assert.equal((await mia.context.request.get(first)).status(), 404, 'the old link stops working');

    await mia.page.getByRole('button', { name: 'Turn off the feed' }).click();
    await mia.page.getByRole('alertdialog').getByRole('button', { name: 'Turn off the feed' }).click();
    await mia.page.getByText('You have no calendar feed yet.').waitFor();
    assertNoConsoleErrors(mia);
  });

  it('renders every games page in light and dark, on a desktop and a phone, without errors or sideways scrolling', async () => {
    const pages: Array<{ name: string; path: string; ready: string }> = [
      { name: 'list', path: `/guilds/${DEMO_GUILD}/games`, ready: 'Games' },
      { name: 'calendar-month', path: `/guilds/${DEMO_GUILD}/games/calendar`, ready: 'Calendar' },
      {
        name: 'calendar-week',
        path: `/guilds/${DEMO_GUILD}/games/calendar?view=week&at=${daysAhead(3)}`,
        ready: 'Calendar',
      },
      { name: 'new', path: `/guilds/${DEMO_GUILD}/games/new`, ready: 'New game' },
      { name: 'templates', path: `/guilds/${DEMO_GUILD}/games/templates`, ready: 'Templates' },
      { name: 'settings', path: `/guilds/${DEMO_GUILD}/games/settings`, ready: 'Game settings' },
      { name: 'reminders', path: `/guilds/${DEMO_GUILD}/games/reminders`, ready: 'Reminders' },
      { name: 'feed', path: '/calendar-feed', ready: 'Calendar feed' },
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [device, viewport] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        const visitor = await open({
          viewport,
          colorScheme,
          ...(device === 'phone' ? { isMobile: true, hasTouch: true } : {}),
        });
        const { page } = visitor;
        await signInAs(visitor.context, server.base, ADA);
        for (const p of pages) {
          await page.goto(`${server.base}${p.path}`);
          await page.getByRole('heading', { name: p.ready, exact: true }).waitFor();
          await page.waitForFunction(() => !document.querySelector('.state-loading'));
          assert.equal(await overflowsHorizontally(page), false, `${p.name} scrolls sideways (${device})`);
          await screenshot(page, `games/${p.name}-${colorScheme}-${device}`);
        }
        // A game's page: the first in the list.
        await page.goto(`${server.base}/guilds/${DEMO_GUILD}/games`);
        await page.locator('.game-card a').first().click();
        await page.locator('[data-roster="players"]').waitFor();
        assert.equal(await overflowsHorizontally(page), false, `detail scrolls sideways (${device})`);
        await screenshot(page, `games/detail-${colorScheme}-${device}`);
        assertNoConsoleErrors(visitor);
        await visitor.context.close();
      }
    }
  });
});
