import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { toIcs } from '#modules/games/time/ics.ts';
import { formatMinutes, parseMinutes, parseMinutesList } from '#modules/games/time/parse-duration.ts';
import { formatRepeat, parseRepeat } from '#modules/games/time/parse-repeat.ts';
import { parseWhen } from '#modules/games/time/parse-when.ts';
import { nextOccurrence, nthWeekdayOf, occurrence } from '#modules/games/time/recurrence.ts';

const BERLIN = 'Europe/Berlin';
const at = (iso: string, zone = BERLIN) => DateTime.fromISO(iso, { zone }).toJSDate();
const local = (d: Date | undefined, zone = BERLIN) =>
  d ? DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm ZZZZ') : 'none';

describe('recurrence', () => {
  it('keeps a weekly game at the same local time across the autumn DST change', () => {
    const anchor = at('2026-10-20T20:00'); // Tuesday, CEST (UTC+2)
    const dates = [0, 1, 2].map((i) => occurrence(anchor, BERLIN, { kind: 'weekly', interval: 1 }, i));
    assert.deepEqual(
      dates.map((d) => local(d)),
      ['2026-10-20 20:00 GMT+2', '2026-10-27 20:00 GMT+1', '2026-11-03 20:00 GMT+1'],
    );
    assert.equal(dates[1]?.toISOString(), '2026-10-27T19:00:00.000Z', 'the UTC time moves instead');
  });

  it('keeps it across the spring change too, and in another hemisphere', () => {
    const anchor = at('2027-03-23T20:00');
    assert.equal(
      local(occurrence(anchor, BERLIN, { kind: 'weekly', interval: 1 }, 1)),
      '2027-03-30 20:00 GMT+2',
    );
    const sydney = at('2027-03-30T19:00', 'Australia/Sydney'); // DST ends 4 April 2027 there
    assert.equal(
      local(occurrence(sydney, 'Australia/Sydney', { kind: 'weekly', interval: 1 }, 1), 'Australia/Sydney'),
      '2027-04-06 19:00 GMT+10',
    );
  });

  it('repeats every N weeks', () => {
    const anchor = at('2026-11-02T18:30');
    assert.equal(
      local(occurrence(anchor, BERLIN, { kind: 'weekly', interval: 3 }, 2)),
      '2026-12-14 18:30 GMT+1',
    );
  });

  it('repeats monthly by date and skips months without that day', () => {
    const anchor = at('2027-01-31T19:00');
    const rule = { kind: 'monthly_date', interval: 1 } as const;
    assert.equal(occurrence(anchor, BERLIN, rule, 1), undefined, 'no 31 February');
    assert.equal(local(occurrence(anchor, BERLIN, rule, 2)), '2027-03-31 19:00 GMT+2');
    assert.equal(local(nextOccurrence(anchor, BERLIN, rule, anchor)?.at), '2027-03-31 19:00 GMT+2');
  });

  it('repeats monthly by weekday: the second Tuesday, and the last Friday', () => {
    const anchor = at('2026-11-10T20:00'); // second Tuesday of November 2026
    assert.equal(nthWeekdayOf(anchor, BERLIN), 2);
    const second = { kind: 'monthly_weekday', interval: 1, nth: 2 } as const;
    assert.deepEqual(
      [1, 2, 3].map((i) => local(occurrence(anchor, BERLIN, second, i))),
      ['2026-12-08 20:00 GMT+1', '2027-01-12 20:00 GMT+1', '2027-02-09 20:00 GMT+1'],
    );
    const lastFriday = at('2026-10-30T21:00');
    const last = { kind: 'monthly_weekday', interval: 1, nth: -1 } as const;
    assert.deepEqual(
      [1, 2].map((i) => local(occurrence(lastFriday, BERLIN, last, i))),
      ['2026-11-27 21:00 GMT+1', '2026-12-25 21:00 GMT+1'],
    );
  });

  it('finds the next occurrence after a moment, far into a series', () => {
    const anchor = at('2020-01-07T20:00');
    const next = nextOccurrence(anchor, BERLIN, { kind: 'weekly', interval: 2 }, at('2026-11-22T12:00'));
    // 360 weeks after the anchor; 24 November (359 weeks) is off-cycle.
    assert.equal(local(next?.at), '2026-12-01 20:00 GMT+1');
  });
});

describe('natural-language times', () => {
  const now = at('2026-11-22T12:00'); // a Sunday noon in Berlin

  it("reads 'friday 8pm' on the guild's wall clock", () => {
    const r = parseWhen('friday 8pm', BERLIN, now);
    assert.equal(local(r?.at), '2026-11-27 20:00 GMT+1');
    assert.equal(r?.matched, 'friday 8pm');
  });

  it('reads the same words in another zone as another instant', () => {
    const ny = parseWhen('friday 8pm', 'America/New_York', now);
    assert.equal(ny?.at.toISOString(), '2026-11-28T01:00:00.000Z');
  });

  it('lands on the right side of a DST change', () => {
    const before = at('2027-03-25T12:00');
    assert.equal(local(parseWhen('sunday 20:00', BERLIN, before)?.at), '2027-03-28 20:00 GMT+2');
  });

  it('honours a zone named in the text', () => {
    const r = parseWhen('tomorrow 20:30 EST', BERLIN, now);
    assert.equal(r?.explicitZone, true);
    assert.equal(r?.at.toISOString(), '2026-11-24T01:30:00.000Z');
  });

  it('returns nothing for text without a time', () => {
    assert.equal(parseWhen('whenever you like', BERLIN, now), undefined);
  });
});

describe('iCalendar', () => {
  it('writes events in UTC with a stable uid and the cancelled status', () => {
    const text = toIcs(
      'Guildhall',
      [
        {
          id: 'g1',
          title: 'Raid night',
          description: 'Bring potions; tank wanted',
          startsAt: new Date('2026-11-27T19:00:00Z'),
          durationMinutes: 120,
          status: 'CANCELLED',
          guildName: 'Alpha',
          url: 'http://127.0.0.1:8080/guilds/1/games/g1',
          updatedAt: new Date('2026-11-20T10:00:00Z'),
          sequence: 3,
        },
      ],
      'guildhall.test',
    );
    assert.match(text, /BEGIN:VCALENDAR/);
    assert.match(text, /UID:g1@guildhall\.test/);
    assert.match(text, /DTSTART:20261127T190000Z/);
    assert.match(text, /DTEND:20261127T210000Z/);
    assert.match(text, /STATUS:CANCELLED/);
    assert.match(text, /SEQUENCE:3/);
    assert.match(text, /SUMMARY:Cancelled: Raid night/);
    assert.match(text, /Bring potions\\; tank wanted/);
  });
});

describe('durations as typed in Discord', () => {
  it('reads minutes, units and combinations, in English and German', () => {
    const cases: Array<[string, number | undefined]> = [
      ['30', 30],
      ['30m', 30],
      ['90 min', 90],
      ['2h', 120],
      ['1.5h', 90],
      ['1h30m', 90],
      ['1h 30', 90],
      ['1d', 1440],
      ['1 Tag', 1440],
      ['2 Std', 120],
      ['1w', 10080],
      ['0', 0],
    ];
    for (const [text, minutes] of cases) assert.equal(parseMinutes(text), minutes, text);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', 'soon', '30x', 'h', '-5', '1.2m', '1h, 2h', '30 15', 'NaN'])
      assert.equal(parseMinutes(text), undefined, text);
  });

  it('reads lists, largest first without repeats, and writes durations back', () => {
    assert.deepEqual(parseMinutesList('1d, 15m'), [1440, 15]);
    assert.deepEqual(parseMinutesList('15m; 1d\n60'), [1440, 60, 15]);
    assert.deepEqual(parseMinutesList('60 15'), [60, 15]);
    assert.deepEqual(parseMinutesList('60, 1h'), [60]);
    assert.deepEqual(parseMinutesList(' '), []);
    assert.equal(parseMinutesList('1d, later'), undefined);
    assert.equal(formatMinutes(1530), '1d 1h 30m');
    assert.equal(formatMinutes(60), '1h');
    for (const m of [5, 45, 60, 90, 1440, 1530]) assert.equal(parseMinutes(formatMinutes(m)), m);
  });
});

describe('repetitions as typed in a Discord form', () => {
  // Tuesday 10 March 2026, the second Tuesday of the month.
  const start = at('2026-03-10T20:00');
  const read = (text: string) => parseRepeat(text, start, BERLIN);

  it('reads single, weekly and monthly games, in English and German', () => {
    for (const text of ['', ' ', 'no', 'once', 'einmal']) assert.equal(read(text), null, text);
    assert.deepEqual(read('weekly'), { kind: 'weekly', interval: 1 });
    assert.deepEqual(read('every 2 weeks'), { kind: 'weekly', interval: 2 });
    assert.deepEqual(read('3 Wochen'), { kind: 'weekly', interval: 3 });
    assert.deepEqual(read('Monthly'), { kind: 'monthly_date', interval: 1 });
    assert.deepEqual(read('2 months weekday'), { kind: 'monthly_weekday', interval: 2, nth: 2 });
    assert.deepEqual(read('monatlich letzter'), { kind: 'monthly_weekday', interval: 1, nth: -1 });
  });

  it('refuses what it cannot read, and writes every rule back as text it reads the same', () => {
    for (const text of [
      'fortnightly',
      '0 weeks',
      'weekly weekday',
      '2',
      'every month on tuesday',
      '100 weeks',
    ])
      assert.equal(read(text), undefined, text);
    for (const text of ['weekly', '2 weeks', 'monthly', '3 months', 'monthly weekday', 'monthly last'])
      assert.equal(formatRepeat(read(text) ?? null), text);
    assert.equal(formatRepeat(null), '');
  });
});
