import { parseArgs } from 'node:util';
import { compose } from '#components/runtime.ts';
import type { DeadLetterFilter } from '#platform/bus/dead-letters.ts';
import { parseAge } from '#platform/bus/routes.ts';
import { print, printError, progress, table } from '#platform/cli/output.ts';
import type { Config } from '#platform/config/load.ts';
import { migrate } from '#platform/db/migrations.ts';

export const DLQ_HELP = `guildhall dlq list [filters] [--limit N] [--summary] [--json]
guildhall dlq show ID [--json]
guildhall dlq replay ID… | --all [filters]
guildhall dlq purge ID… | --all [filters]

Dead letters: messages a consumer rejected (invalid) or failed on its last attempt, from either
bus (RabbitMQ's .dlq queues are mirrored into the database by the worker). A replay delivers the
message again, with a fresh attempt count, to the one consumer that failed it.

Filters:
  --queue NAME        consumer (queue) name, e.g. bot.games.game_created
  --type TYPE         event type, e.g. games.game_created
  --older-than AGE    failed before: a duration (30m, 12h, 7d) or an ISO date
  --newer-than AGE    failed after
  --all               act on every dead letter the filters match (all of them without filters)`;

type Values = {
  queue?: string | undefined;
  type?: string | undefined;
  'older-than'?: string | undefined;
  'newer-than'?: string | undefined;
};

export async function dlqCommand(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    printError(`${(error as Error).message}\n\n${DLQ_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!sub || !['list', 'show', 'replay', 'purge'].includes(sub) || values.help) {
    print(DLQ_HELP);
    return sub === undefined || sub === 'help' || values.help ? 0 : 2;
  }
  const filter = filterFrom(values);
  if (typeof filter === 'string') {
    printError(filter);
    return 2;
  }
  const ids = positionals;
  const badId = ids.find((id) => !/^\d{1,18}$/.test(id));
  if (badId) {
    printError(`"${badId}" is not a dead letter id (see \`guildhall dlq list\`).`);
    return 2;
  }

  const runtime = await compose(config, 'dlq');
  try {
    await migrate(runtime.db, runtime.migrations);
    const dl = runtime.bus.deadLetters;

    if (sub === 'list') {
      if (values.summary) {
        const groups = await dl.summary(filter);
        if (values.json) print(JSON.stringify(groups));
        else if (groups.length === 0) print('No dead letters.');
        else
          print(
            table(
              ['queue', 'type', 'count', 'oldest', 'newest'],
              groups.map((g) => [g.queue, g.type ?? '-', g.count, iso(g.oldest), iso(g.newest)]),
            ),
          );
        return 0;
      }
      const limit = Number(values.limit ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        printError('--limit takes a number from 1 to 1000.');
        return 2;
      }
      const list = await dl.list(filter, { limit });
      if (values.json) print(JSON.stringify(list));
      else if (list.length === 0) print('No dead letters match.');
      else {
        print(
          table(
            ['id', 'failed', 'queue', 'type', 'attempts', 'code', 'error'],
            list.map((l) => [
              l.id,
              iso(l.failedAt),
              l.queue,
              l.type ?? '-',
              l.attempts,
              l.errorCode,
              l.error.replaceAll(/\s+/g, ' ').slice(0, 60),
            ]),
          ),
        );
        if (list.length === limit) print(`\nShowing the newest ${limit}; use --limit or filters for more.`);
      }
      return 0;
    }

    if (sub === 'show') {
      if (ids.length !== 1) {
        printError('Give the id of one dead letter: guildhall dlq show ID');
        return 2;
      }
      const letter = await dl.get(ids[0] as string);
      if (!letter) {
        printError(`No dead letter ${ids[0]}.`);
        return 1;
      }
      if (values.json) {
        print(JSON.stringify(letter));
        return 0;
      }
      print(`Dead letter ${letter.id}`);
      print(
        table(
          ['field', 'value'],
          [
            ['queue', letter.queue],
            ['transport', letter.transport],
            ['type', `${letter.type ?? '-'}${letter.version ? ` v${letter.version}` : ''}`],
            ['message id', letter.messageId ?? '-'],
            ['guild', letter.guildId ?? '-'],
            ['failed at', iso(letter.failedAt)],
            ['attempts', letter.attempts],
            ['error code', letter.errorCode],
            ['replayable', letter.replayable ? 'yes' : 'no (not JSON)'],
          ],
        ),
      );
      print(`\nError:\n  ${letter.error}`);
      if (letter.stack) print(`\nStack:\n${letter.stack.replace(/^/gm, '  ')}`);
      print(`\nMessage:\n${letter.message !== null ? JSON.stringify(letter.message, null, 2) : letter.raw}`);
      return 0;
    }

    // replay | purge
    const verb = sub === 'replay' ? 'Replayed' : 'Purged';
    if (ids.length > 0) {
      if (values.all || hasFilter(values)) {
        printError('Give either ids or --all with filters, not both.');
        return 2;
      }
      const n = sub === 'replay' ? await dl.replay(ids) : await dl.purge(ids);
      print(`${verb} ${n} of ${ids.length} dead letter${ids.length === 1 ? '' : 's'}.`);
      if (n < ids.length)
        print(
          sub === 'replay'
            ? 'The others do not exist (any more) or are not JSON (purge those).'
            : 'The others do not exist (any more).',
        );
      return n === ids.length ? 0 : 1;
    }
    if (!values.all) {
      printError(
        `Give dead letter ids, or --all to ${sub} everything the filters match${hasFilter(values) ? '' : ' (all dead letters)'}.`,
      );
      return 2;
    }
    // Large replays take a while: a bar on a terminal, a line every 5% in a log.
    const started = performance.now();
    let bar: ReturnType<typeof progress> | undefined;
    const onProgress = (done: number, total: number) => {
      if (total === 0) return;
      bar ??= progress(sub === 'replay' ? 'Replaying' : 'Purging', total);
      bar.tick(done);
    };
    const n =
      sub === 'replay'
        ? await dl.replayMatching(filter, onProgress)
        : await dl.purgeMatching(filter, onProgress);
    print(`${verb} ${n} dead letter${n === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms.`);
    if (sub === 'replay' && n > 0)
      print('A running worker delivers them; watch `guildhall dlq list` for any that fail again.');
    return 0;
  } catch (error) {
    printError((error as Error).message);
    return 1;
  } finally {
    await runtime.close();
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      queue: { type: 'string' },
      type: { type: 'string' },
      'older-than': { type: 'string' },
      'newer-than': { type: 'string' },
      limit: { type: 'string' },
      summary: { type: 'boolean' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
}

function hasFilter(values: Values): boolean {
  return Boolean(values.queue || values.type || values['older-than'] || values['newer-than']);
}

function filterFrom(values: Values): DeadLetterFilter | string {
  const age = (flag: 'older-than' | 'newer-than') => {
    const text = values[flag];
    if (text === undefined) return undefined;
    return parseAge(text) ?? `--${flag} takes a duration such as 30m, 12h or 7d, or an ISO date.`;
  };
  const olderThan = age('older-than');
  const newerThan = age('newer-than');
  if (typeof olderThan === 'string') return olderThan;
  if (typeof newerThan === 'string') return newerThan;
  return { queue: values.queue, type: values.type, olderThan, newerThan };
}

function iso(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 19);
}
