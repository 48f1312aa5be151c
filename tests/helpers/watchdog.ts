/**
 * A watchdog for each test file. Vitest's timeouts are timers on the test's own thread, so a test stuck
 * in synchronous work (a backtracking pattern on a hostile cell, an endless loop) never times out and
 * holds the whole run until CI's own limit. A worker thread keeps time on its own: when a file runs past
 * its bound, it names the file on stderr and kills this test process, so vitest reports the file as
 * failed and the run goes on. TTHC_TEST_FILE_LIMIT (seconds) sets the bound; 0 turns it off.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect } from 'vitest';

const LIMIT_SECONDS = Number(process.env.TTHC_TEST_FILE_LIMIT ?? 300);

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
setTimeout(() => {
  fs.writeSync(2, '\\nwatchdog: ' + workerData.file + ' ran past ' + workerData.seconds + ' s (TTHC_TEST_FILE_LIMIT); killing its test process\\n');
  process.kill(process.pid, 'SIGKILL');
}, workerData.seconds * 1000);
`;

let watchdog: Worker | undefined;

beforeAll(() => {
  if (!(LIMIT_SECONDS > 0)) return;
  const file = expect.getState().testPath ?? 'a test file';
  watchdog = new Worker(WATCHDOG, { eval: true, workerData: { file, seconds: LIMIT_SECONDS } });
  watchdog.unref();
});

afterAll(async () => {
  await watchdog?.terminate();
  watchdog = undefined;
});
