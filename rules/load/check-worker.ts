/**
 * The loader's second thread: checks procedure-version files (read, decode, strict parse, NFC,
 * schema), lints their version-scope rules, and reports verdicts and findings in batches, then
 * null. See readFresh in catalogue.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkAndLint } from './catalogue.js';
import { lintEachVersion } from '../lint/engine.js';
import { RULES } from '../lint/index.js';

const results = checkAndLint(lintEachVersion, RULES, workerData as Parameters<typeof checkAndLint>[2]);
for (let i = 0; i < results.length; i += 256) parentPort!.postMessage(results.slice(i, i + 256));
parentPort!.postMessage(null);
