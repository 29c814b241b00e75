/**
 * Runs after `npm install`: prepares the embedded database template so the first
 * `npm start` does not wait for initdb. Never fails the install: without the template
 * Guildhall still starts, only slower the first time.
 */

import { openPglite } from '../src/platform/db/pglite.ts';
import { buildTemplate, hasTemplate, TEMPLATE_DIR } from '../src/platform/db/pglite-template.ts';

try {
  if (!hasTemplate()) {
    const started = performance.now();
    await buildTemplate(async (dir) => {
      const db = await openPglite({ dataDir: dir });
      await db.close();
    });
    process.stdout.write(
      `guildhall: embedded database template ready in ${Math.round(performance.now() - started)} ms (${TEMPLATE_DIR})\n`,
    );
  }
} catch (error) {
  process.stderr.write(
    `guildhall: could not prepare the embedded database template (${(error as Error).message}); the first start will create it.\n`,
  );
}
