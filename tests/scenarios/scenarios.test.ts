/**
 * Runs every scenario in tests/scenarios/*.json against the bundled catalogue and calendar, through
 * the same library calls the CLI makes (prepareApplication → computeFees / requiredDocuments /
 * dueDateForApplication). A scenario file is data: see scenario.schema.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { calendarsOf } from '../../rules/load/calendar-file.js';
import { type Catalogue } from '../../rules/model/catalogue.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../rules/compute/calendar.js';
import { prepareApplication } from '../../rules/compute/application.js';
import { computeFees } from '../../rules/compute/fees.js';
import { requiredDocuments } from '../../rules/compute/dossier.js';
import { dueDateForApplication } from '../../rules/compute/deadlines.js';
import schema from './scenario.schema.json' with { type: 'json' };

interface Case {
  name: string;
  procedure?: string;
  date: string;
  from?: string;
  channel?: 'in-person' | 'online' | 'postal';
  facts?: Record<string, string | number | boolean>;
  supplements?: { requested: string; resubmitted: string }[];
  expect: {
    version?: string;
    error?: string;
    documents?: Partial<Record<'submit' | 'present' | 'lookedUp' | 'notRequired', string[]>>;
    fees?: { total?: number; due?: Record<string, number>; exempt?: string[]; variable?: string[] };
    timeLimit?: { value: number; unit: string; case?: string | null };
    received?: string;
    due?: string;
    dueAt?: string;
    skipped?: Record<string, string>;
    provisional?: boolean;
    flags?: string[];
  };
}

interface ScenarioFile {
  title: string;
  procedure?: string;
  cases: Case[];
}

const DIR = fileURLToPath(new URL('./', import.meta.url));
const CATALOGUE = fileURLToPath(new URL('../../catalogue', import.meta.url));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort();
const scenarios = files.map((f) => ({ file: f, data: JSON.parse(readFileSync(DIR + f, 'utf8')) as ScenarioFile }));

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['date']);
const validate = ajv.compile(schema);

let catalogue: Catalogue;
let calendar: WorkingCalendar;
beforeAll(async () => {
  const loaded = await loadCatalogue(CATALOGUE);
  catalogue = loaded.catalogue;
  calendar = createWorkingCalendar(calendarsOf(catalogue).get('vn')!.data);
});

const STATUS_KEY = { submit: 'submit', present: 'present', 'looked-up': 'lookedUp', 'not-required': 'notRequired' } as const;

/** Computes what the case expects; `everything` computes documents, fees and the due date (for error cases). */
function run(c: Case, procedure: string, everything = false) {
  const app = prepareApplication(catalogue, { code: procedure, date: c.date, channel: c.channel, facts: c.facts });
  const out: Record<string, unknown> = { version: app.version.data.version };
  const e = c.expect;
  if (e.documents || everything) {
    const docs = requiredDocuments(catalogue, app).documents;
    const byStatus: Record<string, string[]> = {};
    for (const d of docs) (byStatus[STATUS_KEY[d.status]] ??= []).push(d.id);
    out.documents = Object.fromEntries(Object.keys(e.documents ?? byStatus).map((k) => [k, byStatus[k] ?? []]));
  }
  if (e.fees || everything) {
    const fees = computeFees(app);
    const actual: Record<string, unknown> = {};
    if (e.fees?.total !== undefined) actual.total = fees.totals.find((t) => t.currency === 'VND')?.amount ?? 0;
    if (e.fees?.due) actual.due = Object.fromEntries(fees.lines.filter((l) => l.status === 'due').map((l) => [l.id, l.amount]));
    if (e.fees?.exempt) actual.exempt = fees.lines.filter((l) => l.status === 'exempt').map((l) => l.id);
    if (e.fees?.variable) actual.variable = fees.lines.filter((l) => l.status === 'variable').map((l) => l.id);
    out.fees = actual;
  }
  if (everything || e.timeLimit || e.due || e.received || e.dueAt || e.skipped || e.provisional !== undefined || e.flags) {
    const answer = dueDateForApplication(calendar, app, { from: c.from ?? c.date, supplements: c.supplements ?? [] });
    const r = answer.result;
    if (e.timeLimit) out.timeLimit = { value: answer.timeLimit.value, unit: answer.timeLimit.unit, ...('case' in e.timeLimit ? { case: answer.timeLimit.case } : {}) };
    if (e.received) out.received = r.received;
    if (e.due) out.due = r.due;
    if (e.dueAt) out.dueAt = r.dueAt;
    if (e.skipped) out.skipped = Object.fromEntries(r.skipped.map((s) => [s.date, s.reason]));
    if (e.provisional !== undefined) out.provisional = r.provisional;
    if (e.flags) out.flags = r.flags.map((f) => f.id);
  }
  return out;
}

describe('scenario files', () => {
  it.each(files)('%s follows scenario.schema.json', (file) => {
    const data = scenarios.find((s) => s.file === file)!.data;
    const ok = validate(data);
    expect(ok ? [] : validate.errors?.map((err) => `${err.instancePath} ${err.message}`)).toEqual([]);
  });

  it('hold at least 60 cases across the example catalogue', () => {
    const cases = scenarios.flatMap((s) => s.data.cases.map((c) => c.procedure ?? s.data.procedure));
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases).size).toBeGreaterThanOrEqual(10);
  });
});

for (const { file, data } of scenarios) {
  describe(`${file}: ${data.title}`, () => {
    it.each(data.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const procedure = c.procedure ?? data.procedure;
      expect(procedure, 'the case or the file names a procedure').toBeDefined();
      const { error, ...rest } = c.expect;
      if (error !== undefined) {
        expect(() => run(c, procedure!, true)).toThrow(error);
        return;
      }
      expect(run(c, procedure!)).toEqual(expect.objectContaining(rest));
    });
  });
}
