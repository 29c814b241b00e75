import type { FastifyRequest } from 'fastify';
import type { Database } from '#platform/db/database.ts';
import type { Authenticator } from '#platform/http/auth.ts';
import type { Module } from '#platform/module.ts';
import { createAccessPolicy } from './access.ts';
import { createDirectory } from './directory.ts';
import { coreRoutes } from './routes.ts';
import { createSettingsService } from './settings.ts';
import { createTokenService } from './tokens.ts';

export const CORE_SCOPES = {
  'guilds:read': 'Read guilds the token owner belongs to and their settings',
  'guilds:write': 'Change guild settings (the owner must be a guild admin)',
  admin: 'Operate this Guildhall instance (dead letters, jobs)',
} as const;

export type CoreDeps = {
  readonly db: Database;
  /** Every module's scopes, known once the composition is complete. */
  readonly scopes: () => ReadonlySet<string>;
  readonly moduleNames: () => readonly string[];
};

/** Core: guilds, users, memberships, settings, API tokens, the permission policy and the audit log. */
export function coreModule(deps: CoreDeps) {
  const access = createAccessPolicy(deps.db);
  const directory = createDirectory(deps.db);
  const settings = createSettingsService(deps.db, deps.moduleNames);
  const tokens = createTokenService(deps.db, deps.scopes);

  const bearer: Authenticator = async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return tokens.verify('');
    return tokens.verify(match[1]);
  };

  const module: Module = {
    name: 'core',
    migrations: new URL('./migrations/', import.meta.url),
    scopes: CORE_SCOPES,
    routes: coreRoutes({ access, directory, settings }),
  };
  return { module, services: { access, directory, settings, tokens }, authenticators: [bearer] };
}

export type CoreServices = ReturnType<typeof coreModule>['services'];
