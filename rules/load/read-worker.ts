/**
 * The loader's second thread: checks procedure-version files (read, decode, strict parse, NFC,
 * schema) and reports verdicts in batches, then null. See readFresh in shards.ts; validate runs
 * lint-worker.ts instead, which lints them too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkShard, postVerdicts, type ShardWorkerData } from './shards.js';

postVerdicts(parentPort!, checkShard((workerData as ShardWorkerData).shard).verdicts);
