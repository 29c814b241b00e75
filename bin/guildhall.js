#!/usr/bin/env -S node --liftoff-only
// A JavaScript shim so `npx guildhall` works: Node strips the TypeScript types of src/ itself.
//
// --liftoff-only: the embedded database is PostgreSQL compiled to WebAssembly. V8's optimising
// tier recompiles its hot functions in the background and briefly needs ~500 MB more for it;
// the baseline compiler alone keeps peak memory near 200 MB at the same query throughput
// (bench: `npm run bench -- startup`). It affects WebAssembly only.
import '../src/platform/boot/module-hooks.ts';
import { holdYoungGeneration } from '../src/platform/boot/memory.ts';

// Peak memory at start: see src/platform/boot/memory.ts. Released once a component runs.
holdYoungGeneration();

const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
