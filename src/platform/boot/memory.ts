import { setFlagsFromString } from 'node:v8';

/**
 * Startup memory. Starting loads about 1,500 modules and opens PGlite: a burst of short-lived
 * allocations, to which V8 answers by doubling the young generation's semi-spaces up to 16 MB
 * each, and it keeps them. Measured with `npm run bench -- startup`, that growth is the
 * difference between ~200 MB and ~260 MB of peak RSS; the live heap is about 50 MB either way.
 *
 * So the young generation stays at its initial size while the process starts (a few more
 * scavenges, no slower start measured), and may grow again once it runs, where the request and
 * event rate decide. The growth factor is read at each resize, so it can change at run time
 * (unlike the semi-space limits, which are fixed when the heap is set up).
 */
export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** V8's default growth factor again (after start). */
export function releaseYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=2');
}
