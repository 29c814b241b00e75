import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyTemplate,
  bodyOf,
  emptyDraft,
  lockedBy,
  parseReminders,
} from '../../web/src/games/game-draft.ts';
import type { Template } from '../../web/src/games/queries.ts';
import { type SseEvent, sseParser } from '../../web/src/games/sse.ts';

describe('the game form', () => {
  const draft = {
    ...emptyDraft('Europe/Berlin'),
    title: ' Raid ',
    start: { date: '2026-07-01', time: '20:00' },
  };

  it('sends the start as the instant the wall clock means in the game’s zone', () => {
    const body = bodyOf(draft, undefined, undefined) as Record<string, unknown>;
    assert.equal(body.startsAt, '2026-07-01T18:00:00Z');
    assert.equal(body.title, 'Raid');
    assert.equal(body.timezone, 'Europe/Berlin');
    assert.equal(body.maxPlayers, null);
    assert.equal('reminderOffsetsMinutes' in body, false, 'none typed: the guild’s defaults apply');
  });

  it('sends what was typed in number fields, for the API to judge', () => {
    const body = bodyOf({ ...draft, maxPlayers: '-3', minPlayers: 'x' }, undefined, 'tpl') as Record<
      string,
      unknown
    >;
    assert.equal(body.maxPlayers, -3);
    assert.ok(Number.isNaN(body.minPlayers as number));
    assert.equal(body.templateId, 'tpl');
  });

  it('sends only what changed when editing', () => {
    const before = { ...draft, maxPlayers: '6', reminders: '60' };
    const after = { ...before, maxPlayers: '8', start: { date: '2026-07-02', time: '20:00' } };
    assert.deepEqual(bodyOf(after, before, undefined), { startsAt: '2026-07-02T18:00:00Z', maxPlayers: 8 });
    assert.deepEqual(bodyOf({ ...before, reminders: '' }, before, undefined), { reminderOffsetsMinutes: [] });
  });

  it('reads reminder lists and refuses anything but whole numbers', () => {
    assert.deepEqual(parseReminders('60, 15 5'), [60, 15, 5]);
    assert.deepEqual(parseReminders('  '), []);
    assert.equal(parseReminders('60, soon'), undefined);
    assert.equal(parseReminders('1.5'), undefined);
  });

  it('fills a template’s defaults and disables its locked fields', () => {
    const template = {
      id: 't1',
      guildId: 'g',
      name: 'Raid night',
      defaults: {
        title: 'Raid',
        maxPlayers: 8,
        reminderOffsetsMinutes: [60, 10],
        signupMethod: 'HOST_SELECTED',
      },
      locked: ['maxPlayers', 'signupMethod', 'recurrence'],
      createdAt: '',
      updatedAt: '',
    } as unknown as Template;
    const filled = applyTemplate(emptyDraft('UTC'), template);
    assert.equal(filled.title, 'Raid');
    assert.equal(filled.maxPlayers, '8');
    assert.equal(filled.reminders, '60, 10');
    assert.equal(filled.signupMethod, 'HOST_SELECTED');
    assert.deepEqual([...lockedBy(template)].sort(), ['maxPlayers', 'repeat', 'signupMethod']);
  });
});

describe('the live event stream parser', () => {
  it('splits events across chunks, with names, ids and multi-line data, skipping comments', () => {
    const events: SseEvent[] = [];
    const feed = sseParser((e) => events.push(e));
    feed(': keep-alive\n\nid: 7\nevent: games.player_joined\nda');
    feed('ta: {"gameId":"a"}\n\ndata: one\ndata: two\r\n\r\n');
    feed('event: ignored-without-data\n\n');
    assert.deepEqual(events, [
      { id: '7', event: 'games.player_joined', data: '{"gameId":"a"}' },
      { id: '7', event: 'message', data: 'one\ntwo' },
    ]);
  });
});

describe('the game form’s repeat rule', () => {
  const base = {
    ...emptyDraft('Europe/Berlin'),
    title: 'Raid',
    start: { date: '2026-07-14', time: '20:00' },
  };
  const ruleOf = (d: typeof base) => (bodyOf(d, undefined, undefined) as Record<string, unknown>).recurrence;

  it('sends each kind as the API’s rule, the weekday from the start’s date', () => {
    assert.equal(
      'recurrence' in (bodyOf(base, undefined, undefined) as object),
      false,
      'a template may set it',
    );
    assert.deepEqual(ruleOf({ ...base, repeat: 'weekly', repeatInterval: '2' }), {
      kind: 'weekly',
      interval: 2,
    });
    assert.deepEqual(ruleOf({ ...base, repeat: 'monthly_date' }), { kind: 'monthly_date', interval: 1 });
    // 14 July 2026 is the second Tuesday of its month.
    assert.deepEqual(ruleOf({ ...base, repeat: 'monthly_weekday' }), {
      kind: 'monthly_weekday',
      interval: 1,
      nth: 2,
    });
    assert.deepEqual(ruleOf({ ...base, repeat: 'monthly_last', repeatInterval: '3' }), {
      kind: 'monthly_weekday',
      interval: 3,
      nth: -1,
    });
  });

  it('reads a game’s rule back, and an edit sends it only when it changed', () => {
    const weekly = { ...base, repeat: 'weekly' as const, repeatInterval: '1' };
    assert.equal(
      'recurrence' in (bodyOf({ ...weekly, title: 'Raid 2' }, weekly, undefined) as object),
      false,
    );
    assert.deepEqual(
      (bodyOf({ ...weekly, repeat: 'none' }, weekly, undefined) as Record<string, unknown>).recurrence,
      null,
    );
    assert.deepEqual(
      (bodyOf({ ...weekly, repeatInterval: '2' }, weekly, undefined) as Record<string, unknown>).recurrence,
      { kind: 'weekly', interval: 2 },
    );
    const fromTemplate = applyTemplate(base, {
      defaults: { recurrence: { kind: 'monthly_weekday', interval: 1, nth: -1 } },
      locked: ['recurrence'],
    } as unknown as Template);
    assert.deepEqual([fromTemplate.repeat, fromTemplate.repeatInterval], ['monthly_last', '1']);
    assert.ok(lockedBy({ locked: ['recurrence'] } as unknown as Template).has('repeat'));
  });
});
