import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the heap grow past what the last full collection kept, in percent (its own
 * default grows it several times over while there is room under the limit). A build of 10,000
 * procedures keeps about 190 MB live on its main thread, yet its heap grew to 900 MB of mostly
 * garbage: peak RSS 1,229 MB. Measured on 2026-12-04 (`buildCatalogue`, 10,000 synthetic
 * procedures, 2 cores): 20 % gave 563 MB in 47.9 s, 30 % 577 MB in 48.7 s, 50 % 661 MB in 47.1 s,
 * 100 % 765 MB in 46.6 s, V8's default 1,229 MB in 47.3 s. The heap's limit is untouched: a larger
 * catalogue still has all of Node's default heap. Imported first by the CLI, so the render
 * workers, started later, grow the same way.
 */
export const HEAP_GROWING_PERCENT = 50;

setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
