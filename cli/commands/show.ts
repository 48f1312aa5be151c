import { describeResolution, resolve, type Resolution } from '../../rules/compute/resolve.js';
import { correctionSummary } from '../../rules/compute/application.js';
import type { Catalogue, LoadedVersion } from '../../rules/model/catalogue.js';
import { renderMarkdown, type Block } from '../../rules/text/render/index.js';
import { BuildContext } from '../../generators/engine/context.js';
import { changeBasis, partsToBlocks, procedureParts } from '../../generators/detail/parts.js';
import { UsageError } from '../../rules/errors.js';
import { loadForQuery } from '../catalogue.js';
import { parseDateOption, parseFormat, parseRecordedOption } from '../options.js';
import { m } from '../i18n.js';
import { cite, json, outDocument, say } from '../output.js';
import { addDays } from '../../rules/compute/dates.js';
import { EXIT } from '../run.js';

export interface ShowFlags {
  at?: string;
  asRecorded?: string;
  knownAt?: string;
  format: string;
  dir: string;
}

/**
 * tthc show: the version in force on a date. Exit 0 with the version; exit 1 with a clear answer
 * when nothing is in force that day (not yet, repealed, lapsed, only drafts); exit 2 for an unknown code.
 */
export async function showCommand(code: string, flags: ShowFlags): Promise<number> {
  const format = parseFormat(flags.format, ['md', 'json']);
  const date = parseDateOption(flags.at, '--at');
  const recordedAt = parseRecordedOption(flags);
  const { catalogue } = await loadForQuery(flags.dir);
  const r = resolve(catalogue, code, date, { recordedAt });
  if (r.kind === 'unknown-code') throw new UsageError(describeResolution(r), { id: 'resolution', params: { resolution: r } });
  if (format === 'json') {
    await outDocument(json(resolutionJson(r)));
  } else if (r.kind === 'in-force') {
    await outDocument(markdown(catalogue, r.version, r, date));
  } else {
    await say(`${m().explain.resolution(r)}\n${lastInForce(r)}`);
  }
  return r.kind === 'in-force' ? EXIT.ok : EXIT.findings;
}

function lastInForce(r: Resolution): string {
  const last = r.kind === 'repealed' ? r.last : r.kind === 'lapsed' ? r.last : undefined;
  if (!last) return '';
  return m().show.lastInForce(last.version.data.version, last.from, last.until) + '\n';
}

function resolutionJson(r: Resolution): Record<string, unknown> {
  const base = { status: r.kind, code: r.code, date: r.date, message: describeResolution(r) };
  switch (r.kind) {
    case 'in-force':
      return {
        ...base,
        version: r.original.data.version,
        inForce: { from: r.window.from, until: r.window.until, endsBecause: r.window.endsBecause, supersededBy: r.window.supersededBy?.data.version ?? null },
        recordedAt: r.recordedAt ?? null,
        correction: r.correction ? correctionSummary(r.correction) : null,
        laterCorrections: r.laterCorrections.map(correctionSummary),
        spec: r.version.data,
      };
    case 'not-yet-in-force':
      return { ...base, firstVersion: r.first.version.data.version, inForceFrom: r.first.from };
    case 'repealed':
      return {
        ...base,
        repealedFrom: r.since,
        repealedBy: r.tombstone.data.changedBy?.legalBasis.map((l) => l.document) ?? [],
        lastVersion: r.last?.version.data.version ?? null,
        lastInForce: r.last ? { from: r.last.from, until: r.last.until } : null,
      };
    case 'lapsed':
      return { ...base, lastVersion: r.last.version.data.version, lastInForce: { from: r.last.from, until: r.last.until } };
    case 'no-published-version':
      return { ...base, drafts: r.drafts.map((d) => ({ version: d.data.version, status: d.data.status })) };
    case 'unknown-code':
      return base;
  }
}

/**
 * The version in force as Markdown: every part in the Phần II order, from the same model as the
 * detail pages and the announcement (generators/detail/parts.ts), so the three never disagree.
 */
function markdown(catalogue: Catalogue, version: LoadedVersion, r: Resolution, date: string): string {
  const ctx = new BuildContext(catalogue, date, {});
  const v = version.data;
  const head: Block[] = [
    { kind: 'heading', level: 1, text: `${v.code} ${v.name.vi}` },
    { kind: 'paragraph', content: [m().explain.resolution(r)] },
  ];
  const basis = changeBasis(ctx, v);
  if (basis.length > 0) head.push({ kind: 'paragraph', content: [`Sửa đổi, bổ sung bởi: ${basis.join('; ')}${v.changedBy?.summary ? `. ${v.changedBy.summary}` : ''}`] });
  if (r.kind === 'in-force' && r.correction) {
    const c = correctionSummary(r.correction);
    head.push({ kind: 'paragraph', content: [m().applicant.correctionLine(c.record, c.corrects, c.from, c.recorded, c.legalBasis.map((l) => cite(catalogue, l)).join('; '), c.reason)] });
    head.push({ kind: 'paragraph', content: [m().applicant.originalLine(addDays(c.recorded, -1))] });
  }
  return renderMarkdown([...head, ...partsToBlocks(procedureParts(ctx, version))]);
}
