import { registerHooks } from 'node:module';

/**
 * Startup speed. drizzle-orm is ~450 ES modules under one package.json whose `exports` map is
 * 180 kB, and Node's resolver re-parses that map for every relative import inside the package
 * to learn the file's format (seen with Node 24: 1.5 s of a 2.5 s start). Those files are all
 * ES modules (`"type": "module"`, `.js`), so relative `.js` imports inside drizzle-orm are
 * resolved here directly; everything else goes through Node's resolver as usual.
 *
 * Loaded first by bin/guildhall.js and by the test runner (`--import`).
 */
registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (
      specifier.startsWith('.') &&
      specifier.endsWith('.js') &&
      parent?.includes('/node_modules/drizzle-orm/')
    ) {
      return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
