#!/usr/bin/env node
// A JavaScript shim so `npx guildhall` works: Node strips the TypeScript types of src/ itself.
import { main } from '../src/cli.ts';

process.exitCode = await main(process.argv.slice(2));
