// Worker thread for tests/outside/html-validate.test.ts: validates the files it is given with
// html-validate's recommended rules and posts back one line per finding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { HtmlValidate } from 'html-validate';

const { root, files } = workerData;
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
const findings = [];
for (const rel of files) {
  const report = validator.validateStringSync(readFileSync(path.join(root, rel), 'utf8'), rel);
  for (const r of report.results) for (const m of r.messages) findings.push(`${rel}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
}
parentPort.postMessage(findings);
