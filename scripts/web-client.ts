/**
 * `npm run web:client`: writes the dashboard's API types (web/src/api/schema.d.ts) from the
 * OpenAPI document the API builds, so the dashboard and the API cannot drift apart. A test
 * (test/web/client.test.ts) fails while the committed file differs from what this would write.
 *
 * The document is made in-process, without a server or a data directory: the runtime is composed
 * on an in-memory PGlite with the default configuration (loopback, no Discord credentials), which
 * is also the configuration that has the demo and sandbox routes the dashboard uses.
 */
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

export const SCHEMA_FILE = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));

// openapi-typescript builds its output with the TypeScript 5 compiler API, which TypeScript 7 (the
// native compiler this repository type-checks with) no longer ships: it gets its own copy, the
// `typescript5` alias, while `tsc` stays TypeScript 7.
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/openapi-typescript/'))
      return next('typescript5', context);
    return next(specifier, context);
  },
});

/** The OpenAPI document of the API as `guildhall api` would serve it at /openapi.json. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const [{ buildApi }, { compose }, { loadConfig }, { openPglite }, { createLogger }] = await Promise.all([
    import('#components/api.ts'),
    import('#components/runtime.ts'),
    import('#platform/config/load.ts'),
    import('#platform/db/pglite.ts'),
    import('#platform/log/logger.ts'),
  ]);
  const db = await openPglite({ dataDir: undefined });
  // An empty environment, not this shell's: the document must not depend on who generates it.
  const config = loadConfig({}, { envFile: false });
  const runtime = await compose(config, 'openapi', { db, log: createLogger({ level: 'silent' }) });
  const app = await buildApi(runtime);
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await runtime.close();
    await db.close();
  }
}

/** The text of schema.d.ts for `document`. */
export async function clientTypes(document: Record<string, unknown>): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(document as never, { alphabetize: true });
  return `${HEADER}${astToString(ast)}`;
}

const HEADER = `/**
 * Generated from the API's OpenAPI document by \`npm run web:client\`; do not edit.
 * test/web/client.test.ts fails while this file is out of date.
 */

`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  writeFileSync(SCHEMA_FILE, await clientTypes(await openApiDocument()));
  process.stdout.write(`wrote ${SCHEMA_FILE} in ${Math.round(performance.now() - started)} ms\n`);
}
