import { parseArgs } from 'node:util';
import { compose } from '#components/runtime.ts';
import { print, printError } from '#platform/cli/output.ts';
import type { Config } from '#platform/config/load.ts';
import { migrate, migrationStatus } from '#platform/db/migrations.ts';

export const MIGRATE_HELP = `guildhall migrate [--dry-run] [--status]

Applies pending migrations to the configured database (PGlite in GUILDHALL_DATA_DIR, or DATABASE_URL)
under an advisory lock, so it is safe while other replicas start.

  --dry-run   list what would be applied, change nothing
  --status    list applied and pending migrations`;

export async function migrateCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, status: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    print(MIGRATE_HELP);
    return 0;
  }
  const runtime = await compose(config, 'migrate');
  try {
    print(`Database: ${runtime.db.description}`);
    if (values.status) {
      const status = await migrationStatus(runtime.db, runtime.migrations);
      for (const id of status.applied)
        print(`  applied  ${id}${status.changed.includes(id) ? '  (edited since it was applied!)' : ''}`);
      for (const id of status.pending) print(`  pending  ${id}`);
      for (const id of status.unknown) print(`  unknown  ${id}  (applied by a newer Guildhall)`);
      return status.changed.length > 0 ? 1 : 0;
    }
    const started = performance.now();
    const result = await migrate(runtime.db, runtime.migrations, {
      dryRun: values['dry-run'] ?? false,
      onProgress: (e) => {
        if (e.type === 'locked' && e.waitedMs > 200)
          print(`Waited ${e.waitedMs} ms for another process migrating this database.`);
        if (e.type === 'plan') {
          if (e.pending.length === 0) print(`Up to date: ${e.applied} migrations applied.`);
          else if (values['dry-run']) {
            print(
              `Would apply ${e.pending.length} migration${e.pending.length === 1 ? '' : 's'} (dry run, nothing changed):`,
            );
            for (const id of e.pending) print(`  ${id}`);
          } else
            print(
              `Applying ${e.pending.length} migration${e.pending.length === 1 ? '' : 's'} (${e.applied} already applied):`,
            );
        }
        if (e.type === 'start') process.stdout.write(`  [${e.index}/${e.total}] ${e.id} … `);
        if (e.type === 'done') print(`done in ${e.ms} ms`);
      },
    });
    if (!values['dry-run'] && result.pending.length === 0)
      print(`Finished in ${Math.round(performance.now() - started)} ms.`);
    return 0;
  } catch (error) {
    print('failed');
    printError((error as Error).message);
    return 1;
  } finally {
    await runtime.close();
  }
}
