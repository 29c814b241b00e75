import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_GUILD, DEMO_GUILD_B, DEMO_USERS } from '#modules/core/demo.ts';
import { buildWeb, staleReason } from '../../scripts/build-web.ts';
import {
  assertNoConsoleErrors,
  launchChromium,
  overflowsHorizontally,
  screenshot,
  signInAs,
  type Watched,
  watchedContext,
} from '../support/browser.ts';
import { startGuildhall } from '../support/guildhall-server.ts';

const [ADA, HUGO, MIA] = DEMO_USERS.map((u) => u.id) as [string, string, string];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * The dashboard in real Chromium against a real `guildhall start`, the way a newcomer meets it:
 * no Discord, the demo sign-in, the sandbox. Every page must render without a console error.
 */
describe('the dashboard in a browser', () => {
  let server: Awaited<ReturnType<typeof startGuildhall>>;
  let browser: Browser;
  const opened: Watched[] = [];

  before(async () => {
    // What `npm start` would do: build the dashboard when the sources changed since the last build.
    if (staleReason()) await buildWeb();
    [server, browser] = await Promise.all([startGuildhall(), launchChromium()]);
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
  after(async () => {
    for (const o of opened) await o.context.close().catch(() => {});
  });

  it('signs in as a demo person and lists only the guilds they share with the bot', async () => {
    const ada = await open();
    const { page } = ada;
    await page.goto(`${server.base}/guilds/${DEMO_GUILD}`);
    // Not signed in: to the sign-in page, which remembers where we were going.
    await page.getByRole('heading', { name: 'Sign in to Guildhall' }).waitFor();
    assert.match(page.url(), /\/sign-in\?returnTo=/);
    await page.getByRole('button', { name: /Continue as Ada/ }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/guilds/${DEMO_GUILD}`);

    await page.getByRole('link', { name: 'Guilds', exact: true }).click();
    await page.getByRole('heading', { name: 'Your guilds' }).waitFor();
    const guilds = await page.locator('.guild-card-name').allTextContents();
    assert.deepEqual(guilds, ['Demo Guild'], 'Ada is not in Demo Raiders');
    assertNoConsoleErrors(ada);
  });

  it('shows a settings problem from the API next to its field, and saves valid settings', async () => {
    const ada = await open();
    const { page } = ada;
    ada.expectHttpError(/\/api\/v1\/guilds\/\d+\/settings$/, 422);
    await signInAs(ada.context, server.base, ADA);
    await page.goto(`${server.base}/guilds/${DEMO_GUILD}/settings`);
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save changes' }).click();

    // The API's pointer /body/timezone lands on the time zone field: described by it, marked invalid.
    const described = page.locator('.field', { has: zone }).locator('.field-error');
    await described.waitFor();
    assert.match(await described.innerText(), /"Mars\/Olympus_Mons" is not an IANA time zone/);
    assert.equal(await zone.getAttribute('aria-invalid'), 'true');
    const errorId = await described.getAttribute('id');
    assert.ok((await zone.getAttribute('aria-describedby'))?.split(' ').includes(errorId ?? '-'));
    await page.getByRole('alert').filter({ hasText: 'could not be saved' }).waitFor();
    await screenshot(page, 'settings-validation-error');

    // Choose from the searchable list with the keyboard, then save.
    await zone.fill('vienna');
    await page.getByRole('option', { name: /Europe\/Vienna/ }).waitFor();
    await zone.press('ArrowDown');
    await zone.press('Enter');
    assert.equal(await zone.inputValue(), 'Europe/Vienna');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    assert.equal(await zone.getAttribute('aria-invalid'), null);
    await page.reload();
    assert.equal(await page.getByRole('combobox', { name: 'Time zone' }).inputValue(), 'Europe/Vienna');
    assertNoConsoleErrors(ada);
  });

  it('keeps a member of one guild out of another guild’s pages, and settings from non-admins', async () => {
    const ada = await open();
    ada.expectHttpError(new RegExp(`/api/v1/guilds/${DEMO_GUILD_B}`), 404);
    await signInAs(ada.context, server.base, ADA);
    for (const path of [`/guilds/${DEMO_GUILD_B}`, `/guilds/${DEMO_GUILD_B}/settings`]) {
      await ada.page.goto(`${server.base}${path}`);
      await ada.page.getByRole('heading', { name: 'Guild not found' }).waitFor();
      assert.equal(await ada.page.getByText('Demo Raiders').count(), 0, 'not even its name');
    }
    await screenshot(ada.page, 'guild-not-found');

    const hugo = await open();
    await signInAs(hugo.context, server.base, HUGO);
    await hugo.page.goto(`${server.base}/guilds/${DEMO_GUILD}`);
    await hugo.page.getByRole('heading', { name: 'Overview' }).waitFor();
    assert.equal(
      await hugo.page.getByRole('link', { name: 'Settings' }).count(),
      0,
      'no tab for a non-admin',
    );
    await hugo.page.goto(`${server.base}/guilds/${DEMO_GUILD}/settings`);
    await hugo.page.getByText('Only the owner of this guild').waitFor();
    assertNoConsoleErrors(ada, hugo);
  });

  it('lists the signed-in sessions and signs one of them out', async () => {
    const here = await open();
    const elsewhere = await open();
    await signInAs(here.context, server.base, MIA);
    await signInAs(elsewhere.context, server.base, MIA);
    await here.page.goto(`${server.base}/sessions`);
    await here.page.getByRole('heading', { name: 'Sessions' }).waitFor();
    const sessions = here.page.locator('.session');
    await sessions.nth(1).waitFor();
    assert.equal(await sessions.count(), 2);
    assert.match(await sessions.first().innerText(), /This browser/);
    await screenshot(here.page, 'sessions-two');

    await here.page.getByRole('button', { name: /^Sign out Headless Chrome/ }).click();
    await here.page.waitForFunction(() => document.querySelectorAll('.session').length === 1);
    // The other browser is signed out: its next visit lands on the sign-in page.
    await elsewhere.page.goto(`${server.base}/`);
    await elsewhere.page.getByRole('heading', { name: 'Sign in to Guildhall' }).waitFor();
    assertNoConsoleErrors(here, elsewhere);
  });

  it('shows what the bot sent, live, in the viewer’s time zone, and presses its buttons as any demo person', async () => {
    const ada = await open();
    const { page } = ada;
    await signInAs(ada.context, server.base, ADA);
    await page.goto(`${server.base}/sandbox`);
    const welcome = page.locator('article', { hasText: 'Welcome to the Guildhall sandbox' });
    await welcome.waitFor();

    // <t:…:F> in the embed, written as a Unix time, shown in Europe/Berlin (this browser's zone).
    const time = welcome.locator('.md-time').first();
    const at = new Date((await time.getAttribute('datetime')) as string);
    const berlin = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: 'Europe/Berlin',
    });
    assert.equal(await time.innerText(), berlin.format(at));

    // Ada presses "Who am I?" acting as Hugo: Hugo's answer, for Hugo's eyes.
    await page.getByLabel('Acting as').selectOption({ label: 'Hugo (host)' });
    await page.waitForURL(/actAs=/);
    await welcome.getByRole('button', { name: 'Who am I?' }).click();
    const answer = page.locator('article', { hasText: 'Hugo (host) in Demo Guild' });
    await answer.waitFor();
    assert.match(await answer.innerText(), /Only Hugo \(host\) can see this/);
    assert.match(await answer.innerText(), /@Host/, 'role mentions by name');
    await screenshot(page, 'sandbox-pressed');

    // A slash command from the form, acting as Noah, in #general.
    await page.getByLabel('Acting as').selectOption({ label: 'Noah (moderator)' });
    await page.getByRole('link', { name: '# general' }).click();
    await page.getByRole('heading', { name: /#general/ }).waitFor();
    // Other modules have commands too (the games module's /game comes first).
    await page.getByLabel('Command', { exact: true }).selectOption('whoami');
    await page.getByRole('button', { name: 'Run /whoami' }).click();
    await page.locator('article', { hasText: 'Noah (moderator) in Demo Guild' }).waitFor();

    // Live: Mia, in her own browser, says hello through the welcome message's form; Ada's page
    // (still acting as Noah in #general) shows the greeting without a reload.
    const mia = await open();
    await signInAs(mia.context, server.base, MIA);
    await mia.page.goto(`${server.base}/sandbox`);
    await mia.page
      .locator('article', { hasText: 'Welcome to the Guildhall sandbox' })
      .getByRole('button', { name: /Say hello/ })
      .click();
    const form = mia.page.getByRole('dialog', { name: 'Say hello' });
    await form.getByLabel('Your greeting').fill('Anyone for Valheim tonight?');
    await screenshot(mia.page, 'sandbox-form');
    await form.getByRole('button', { name: 'Submit' }).click();
    await form.waitFor({ state: 'hidden' });
    await page
      .locator('article', { hasText: '@Mia says: Anyone for Valheim tonight?' })
      .waitFor({ timeout: 15_000 });
    assertNoConsoleErrors(ada, mia);
  });

  it('speaks German when asked, and can be used from the keyboard', async () => {
    const ada = await open();
    const { page } = ada;
    await signInAs(ada.context, server.base, ADA);
    await page.goto(`${server.base}/`);
    await page.getByRole('heading', { name: 'Your guilds' }).waitFor();
    // The first Tab reaches the skip link, which is visible when focused and jumps to the page.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    assert.ok(await page.getByRole('link', { name: 'Skip to content' }).isVisible());
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    assert.equal(outline, 'solid', 'visible focus');

    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('heading', { name: 'Deine Gilden' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    await page.reload();
    await page.getByRole('heading', { name: 'Deine Gilden' }).waitFor();
    await screenshot(page, 'guilds-german');
    assertNoConsoleErrors(ada);
  });

  it('offers Discord sign-in instead of the demo when OAuth2 is configured', async () => {
    // A second Guildhall with a Discord application (never contacted: nobody presses the button).
    const withDiscord = await startGuildhall({
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_CLIENT_SECRET: 'not-a-real-secret',
    });
    try {
      const visitor = await open();
      await visitor.page.goto(`${withDiscord.base}/sessions`);
      const button = visitor.page.getByRole('link', { name: 'Sign in with Discord' });
      await button.waitFor();
      assert.equal(await button.getAttribute('href'), '/api/v1/auth/discord/login?returnTo=%2Fsessions');
      assert.equal(await visitor.page.getByRole('heading', { name: 'Try the demo' }).count(), 0);
      await screenshot(visitor.page, 'sign-in-discord');
      assertNoConsoleErrors(visitor);
      await visitor.context.close();
    } finally {
      await withDiscord.stop();
    }
  });

  it('renders every main page in light and dark, on a desktop and a phone, without errors or sideways scrolling', async () => {
    const pages: Array<{ name: string; path: string; ready: string | RegExp }> = [
      { name: 'guilds', path: '/', ready: 'Your guilds' },
      { name: 'overview', path: `/guilds/${DEMO_GUILD}`, ready: 'Overview' },
      { name: 'settings', path: `/guilds/${DEMO_GUILD}/settings`, ready: 'Settings' },
      { name: 'sessions', path: '/sessions', ready: 'Sessions' },
      { name: 'sandbox', path: '/sandbox', ready: 'Discord sandbox' },
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
        await page.goto(`${server.base}/sign-in`);
        await page.getByRole('button', { name: /Continue as Ada/ }).waitFor();
        await screenshot(page, `sign-in-${colorScheme}-${device}`);
        assert.equal(await overflowsHorizontally(page), false, `sign-in scrolls sideways (${device})`);
        await signInAs(visitor.context, server.base, ADA);
        for (const p of pages) {
          await page.goto(`${server.base}${p.path}`);
          await page.getByRole('heading', { name: p.ready, exact: true }).waitFor();
          await page.waitForFunction(() => !document.querySelector('.state-loading'));
          if (p.name === 'sandbox') await page.locator('article').first().waitFor();
          assert.equal(await overflowsHorizontally(page), false, `${p.name} scrolls sideways (${device})`);
          await screenshot(page, `${p.name}-${colorScheme}-${device}`);
        }
        if (device === 'phone') {
          // The navigation folds behind the menu button.
          const menu = page.getByRole('button', { name: 'Menu' });
          assert.equal(await page.getByRole('link', { name: 'Sessions' }).isVisible(), false);
          await menu.click();
          assert.equal(await menu.getAttribute('aria-expanded'), 'true');
          await page.getByRole('link', { name: 'Sessions' }).waitFor();
          await screenshot(page, `menu-${colorScheme}-phone`);
        }
        assertNoConsoleErrors(visitor);
        await visitor.context.close();
      }
    }
  });
});
