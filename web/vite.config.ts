import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { RESERVED_PATHS } from '../src/platform/http/reserved-paths.ts';

const WEB = fileURLToPath(new URL('.', import.meta.url));
const ROOT = path.resolve(WEB, '..');
/** The API `npm run dev` proxies to: a `npm start` running beside it, unless told otherwise. */
const API = process.env.GUILDHALL_API_URL ?? 'http://127.0.0.1:8080';

/** The name of the record of what went into a build (a dotfile: the API does not serve it). */
export const INPUTS_FILE = '.build-inputs.json';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/**
 * Records every source file that went into the bundle with its hash, so `npm start` can tell a
 * stale build from a current one exactly (scripts/build-web.ts), whatever the file's mtime says
 * after a checkout: the module graph itself lists the catalogues under src/ that the dashboard
 * shares with the bot, and any file a phase adds is listed as soon as something imports it.
 */
function recordInputs(): Plugin {
  return {
    name: 'guildhall:record-inputs',
    apply: 'build',
    generateBundle() {
      const files = new Set<string>([
        path.join(ROOT, 'package-lock.json'),
        path.join(WEB, 'vite.config.ts'),
        ...filesUnder(path.join(WEB, 'public')),
      ]);
      for (const id of this.getModuleIds()) {
        const file = id.split('?')[0] ?? id;
        if (file.startsWith('\0') || file.includes('/node_modules/') || !file.startsWith(ROOT)) continue;
        files.add(file);
      }
      const inputs = Object.fromEntries(
        [...files].sort().map((file) => [path.relative(ROOT, file), sha256(file)]),
      );
      this.emitFile({
        type: 'asset',
        fileName: INPUTS_FILE,
        source: `${JSON.stringify({ inputs }, null, 2)}\n`,
      });
    },
  };
}

export default defineConfig({
  root: WEB,
  // The dev server shows this in its banner; the API serves the build at the same paths.
  base: '/',
  plugins: [react(), recordInputs()],
  build: {
    outDir: path.join(WEB, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // One vendor chunk that changes rarely, so a dashboard change reloads only the app's code.
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('/node_modules/') ? 'vendor' : undefined),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // The shared message catalogues live under src/, outside web/.
    fs: { allow: [ROOT] },
    proxy: Object.fromEntries(RESERVED_PATHS.map((p) => [p, { target: API }])),
  },
});
