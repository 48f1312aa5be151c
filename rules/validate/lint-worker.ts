/**
 * Validation's second thread: checks a shard of procedure-version files as the loader's worker does
 * (load/shards.ts), lints their version-scope rules over the registries and the versions of their
 * own procedures, and reports verdicts and findings in batches, then null.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkShard, postVerdicts, type ShardWorkerData } from '../load/shards.js';
import { lintEachVersion } from '../lint/engine.js';
import { RULES } from '../lint/index.js';

/** What validate gives its worker: the ids of the version-scope rules to run (registered rules, loaded here by id). */
export interface LintWorkerData {
  ruleIds: string[];
}

const { shard, data } = workerData as ShardWorkerData<LintWorkerData>;
const { verdicts, catalogue, rels } = checkShard(shard);
const findings = lintEachVersion(catalogue, data.ruleIds.map((id) => RULES.get(id)!));
verdicts.forEach((verdict, i) => {
  if (verdict.summary) verdict.summary.findings = findings.get(rels[i]!) ?? [];
});
postVerdicts(parentPort!, verdicts);
