import { parseArgs } from 'node:util';
import { compose } from '#components/runtime.ts';
import { parseDuration, print, printError, table } from '#platform/cli/output.ts';
import type { Config } from '#platform/config/load.ts';
import { migrate } from '#platform/db/migrations.ts';
import { AppError } from '#platform/errors.ts';

export const TOKENS_HELP = `guildhall tokens create --user ID --name NAME --scopes a,b [--guild ID] [--expires-in 30d | --expires-at ISO]
guildhall tokens list [--user ID] [--all]
guildhall tokens revoke ID

API tokens authenticate scripts: "Authorization: Bearer gh_…". Only a SHA-256 hash is stored;
create prints the token once.`;

export async function tokensCommand(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      guild: { type: 'string' },
      'expires-in': { type: 'string' },
      'expires-at': { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (!sub || !['create', 'list', 'revoke'].includes(sub)) {
    print(TOKENS_HELP);
    return sub === 'help' || sub === undefined ? 0 : 2;
  }
  const runtime = await compose(config, 'tokens');
  try {
    await migrate(runtime.db, runtime.migrations);
    const tokens = runtime.core.tokens;
    if (sub === 'create') {
      const missing = (['user', 'name', 'scopes'] as const).filter((k) => !values[k]);
      if (missing.length > 0) {
        printError(`Missing ${missing.map((m) => `--${m}`).join(', ')}.\n\n${TOKENS_HELP}`);
        return 2;
      }
      let expiresAt: Date | undefined;
      if (values['expires-in']) {
        const ms = parseDuration(values['expires-in']);
        if (!ms) {
          printError('--expires-in takes a duration such as 30d, 12h or 90m.');
          return 2;
        }
        expiresAt = new Date(Date.now() + ms);
      } else if (values['expires-at']) {
        expiresAt = new Date(values['expires-at']);
        if (Number.isNaN(expiresAt.getTime())) {
          printError('--expires-at takes an ISO date such as 2027-01-31T00:00:00Z.');
          return 2;
        }
      }
      const { token, record } = await tokens.create({
        userId: String(values.user),
        name: String(values.name),
        scopes: String(values.scopes)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        guildId: values.guild,
        expiresAt,
      });
      if (values.json) print(JSON.stringify({ token, ...record }));
      else {
        print(`Created token ${record.id} "${record.name}" with scopes ${record.scopes.join(', ')}.`);
        print('Copy it now; it is not shown again:');
        print();
        print(`  ${token}`);
        print();
      }
      return 0;
    }
    if (sub === 'list') {
      const list = await tokens.list({ userId: values.user, includeRevoked: values.all ?? false });
      if (values.json) print(JSON.stringify(list));
      else
        print(
          table(
            ['id', 'name', 'prefix', 'user', 'guild', 'scopes', 'expires', 'last used', 'state'],
            list.map((t) => [
              t.id.slice(0, 8),
              t.name,
              `${t.prefix}…`,
              t.userId,
              t.guildId ?? 'any',
              t.scopes.join(','),
              t.expiresAt?.toISOString().slice(0, 16) ?? 'never',
              t.lastUsedAt?.toISOString().slice(0, 16) ?? 'never',
              t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt < new Date() ? 'expired' : 'active',
            ]),
          ),
        );
      return 0;
    }
    const id = positionals[0];
    if (!id) {
      printError('Give the id of the token to revoke (see `guildhall tokens list`).');
      return 2;
    }
    const revoked = await tokens.revoke(id);
    print(`Revoked token ${revoked.id} "${revoked.name}".`);
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      printError(error.message);
      return 1;
    }
    throw error;
  } finally {
    await runtime.close();
  }
}
