import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daysCovered, monthWeeks, placeByDay, range, shift, weekDays } from '../../web/src/games/calendar.ts';
import { instantOf, wallTimeIssue, wallTimeOf } from '../../web/src/games/zoned.ts';

describe('games calendar grid', () => {
  it('builds a Monday-first week around any day', () => {
    assert.deepEqual(weekDays('2026-12-03', 'Europe/Berlin'), [
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    assert.equal(weekDays('2026-12-06', 'UTC')[0], '2026-11-30', 'Sunday belongs to the week before it');
  });

  it('covers a month with whole weeks', () => {
    const weeks = monthWeeks('2026-02-14', 'UTC');
    assert.equal(weeks[0]?.[0], '2026-01-26');
    assert.equal(weeks.at(-1)?.at(-1), '2026-03-01');
    assert.ok(weeks.every((w) => w.length === 7));
    assert.equal(monthWeeks('2026-03-31', 'Europe/Berlin').length, 6, 'March 2026 spans six rows');
  });

  it('moves by a week or a month', () => {
    assert.equal(shift('2026-12-03', 'week', 1, 'UTC'), '2026-12-10');
    assert.equal(shift('2026-01-31', 'month', 1, 'UTC'), '2026-02-01');
    assert.equal(shift('2026-01-15', 'month', -1, 'UTC'), '2025-12-01');
  });

  it('asks for the shown days from the first midnight to the one after the last, in the zone', () => {
    assert.deepEqual(range(['2026-03-29', '2026-03-30'], 'Europe/Berlin'), {
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-30T22:00:00.000Z',
    });
  });

  it('shows a multi-day game on every day it spans, in the viewer zone', () => {
    const game = { startsAt: '2026-12-04T19:00:00Z', durationMinutes: 30 * 60 };
    assert.deepEqual(daysCovered(game, 'Europe/Berlin'), ['2026-12-04', '2026-12-05', '2026-12-06']);
    // The same evening game is on the next day in Tokyo, and only that day.
    assert.deepEqual(daysCovered({ startsAt: '2026-12-04T19:00:00Z', durationMinutes: 60 }, 'Asia/Tokyo'), [
      '2026-12-05',
    ]);
    assert.deepEqual(
      daysCovered({ startsAt: '2026-12-04T22:00:00Z', durationMinutes: 120 }, 'UTC'),
      ['2026-12-04'],
      'ending at midnight exactly stays on its day',
    );
    assert.deepEqual(daysCovered({ startsAt: 'not a date', durationMinutes: 60 }, 'UTC'), []);
  });

  it('places games by day with continuation marks, in start order', () => {
    const days = weekDays('2026-12-03', 'UTC');
    const long = { id: 'a', startsAt: '2026-12-05T20:00:00Z', durationMinutes: 24 * 60 };
    const early = { id: 'b', startsAt: '2026-12-05T08:00:00Z', durationMinutes: null };
    const outside = { id: 'c', startsAt: '2026-12-20T08:00:00Z', durationMinutes: 60 };
    const placed = placeByDay([long, early, outside], days, 'UTC');
    assert.deepEqual(
      placed.get('2026-12-05')?.map((p) => [p.item.id, p.continued, p.continues]),
      [
        ['b', false, false],
        ['a', false, true],
      ],
    );
    assert.deepEqual(
      placed.get('2026-12-06')?.map((p) => [p.item.id, p.continued, p.continues]),
      [['a', true, false]],
    );
    assert.equal([...placed.values()].flat().length, 3, 'the game outside the week is not shown');
  });
});

describe('zoned date and time picker', () => {
  it('reads wall time in the guild zone and converts back', () => {
    assert.equal(instantOf({ date: '2026-07-01', time: '20:00' }, 'Europe/Berlin'), '2026-07-01T18:00:00Z');
    assert.equal(
      instantOf({ date: '2026-12-01', time: '20:00' }, 'America/New_York'),
      '2026-12-02T01:00:00Z',
    );
    assert.deepEqual(wallTimeOf('2026-12-02T01:00:00Z', 'America/New_York'), {
      date: '2026-12-01',
      time: '20:00',
    });
    assert.equal(instantOf({ date: '2026-12-01', time: '' }, 'UTC'), undefined);
    assert.equal(instantOf({ date: '2026-02-30', time: '20:00' }, 'UTC'), undefined);
  });

  it('notices times skipped or repeated by daylight saving changes', () => {
    assert.equal(wallTimeIssue({ date: '2026-03-29', time: '02:30' }, 'Europe/Berlin'), 'skipped');
    assert.equal(wallTimeIssue({ date: '2026-10-25', time: '02:30' }, 'Europe/Berlin'), 'ambiguous');
    assert.equal(wallTimeIssue({ date: '2026-10-25', time: '04:30' }, 'Europe/Berlin'), undefined);
  });
});
