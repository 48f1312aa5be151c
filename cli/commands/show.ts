import { describeResolution, resolve, type Resolution } from '../../rules/compute/resolve.js';
import { describeCondition } from '../../rules/compute/conditions.js';
import type { Catalogue } from '../../rules/load/catalogue.js';
import type { LegalRef, ProcedureVersion, TimeLimit } from '../../rules/schema/types/procedure-version.js';
import { CHANNEL_VI, formatCopies, formatDuration, formatFee, formatSubject, formatTimeLimit, ONLINE_SERVICE_VI } from '../../rules/text/vi.js';
import { UsageError } from '../../rules/errors.js';
import { EXIT, out, parseFormat } from '../run.js';
import { cite, json, loadForQuery, parseDateOption } from './query.js';

export interface ShowFlags {
  at?: string;
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
  const { catalogue } = await loadForQuery(flags.dir);
  const r = resolve(catalogue, code, date);
  if (r.kind === 'unknown-code') throw new UsageError(describeResolution(r));
  if (format === 'json') {
    await out(json(resolutionJson(r)));
  } else if (r.kind === 'in-force') {
    await out(markdown(catalogue, r.version.data, r));
  } else {
    await out(`${describeResolution(r)}\n${lastInForce(r)}`);
  }
  return r.kind === 'in-force' ? EXIT.ok : EXIT.findings;
}

function lastInForce(r: Resolution): string {
  const last = r.kind === 'repealed' ? r.last : r.kind === 'lapsed' ? r.last : undefined;
  if (!last) return '';
  return `The last version in force was ${last.version.data.version}, from ${last.from} until ${last.until ?? 'the repeal'}.\n`;
}

function resolutionJson(r: Resolution): Record<string, unknown> {
  const base = { status: r.kind, code: r.code, date: r.date, message: describeResolution(r) };
  switch (r.kind) {
    case 'in-force':
      return {
        ...base,
        version: r.version.data.version,
        inForce: { from: r.window.from, until: r.window.until, endsBecause: r.window.endsBecause, supersededBy: r.window.supersededBy?.data.version ?? null },
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

function markdown(catalogue: Catalogue, v: ProcedureVersion, r: Extract<Resolution, { kind: 'in-force' }>): string {
  const refs = (list: LegalRef[] | undefined) => (list && list.length > 0 ? ` (${list.map((l) => cite(catalogue, l)).join('; ')})` : '');
  const agency = (id: string) => catalogue.registry.agencies.byId.get(id)?.name ?? id;
  const lines: string[] = [];
  lines.push(`# ${v.code} ${v.name.vi}`, '');
  lines.push(`${describeResolution(r)}`, '');
  if (v.changedBy) lines.push(`Sửa đổi bởi: ${v.changedBy.legalBasis.map((l) => cite(catalogue, l)).join('; ')}${v.changedBy.summary ? `: ${v.changedBy.summary}` : ''}`, '');

  lines.push('## Trình tự thực hiện', '');
  (v.steps ?? []).forEach((s, i) => lines.push(`${i + 1}. ${s.action}${s.duration ? ` (${s.duration.value === 0 ? 'ngay trong ngày' : formatDuration(s.duration)})` : ''}${refs(s.legalBasis)}`));
  lines.push('', '## Cách thức thực hiện', '', '| Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí | Mô tả |', '|---|---|---|---|');
  for (const c of v.channels ?? []) {
    const limit = c.timeLimit ?? v.timeLimit;
    const fees = (v.fees ?? []).filter((f) => !f.channels || f.channels.includes(c.kind));
    const description = [c.where, c.onlineService ? ONLINE_SERVICE_VI[c.onlineService] : undefined, c.note].filter(Boolean).join('; ');
    lines.push(`| ${CHANNEL_VI[c.kind]} | ${limit ? cell(timeLimitText(limit)) : ''} | ${cell(fees.length > 0 ? fees.map(formatFee).join('; ') : 'Không')} | ${cell(description)} |`);
  }
  lines.push('', '## Thành phần, số lượng hồ sơ', '');
  for (const d of v.dossier?.documents ?? []) {
    const how = d.lookup
      ? `không phải nộp: cơ quan khai thác từ ${catalogue.registry.databases.byId.get(d.lookup.database)?.name ?? d.lookup.database}${refs(d.lookup.legalBasis)}`
      : `${formatCopies(d.originals, d.copies, d.certifiedCopy ?? false)}${d.submission === 'present' ? ' (xuất trình)' : ''}`;
    lines.push(`- ${d.name}: ${how}${d.when ? `; chỉ khi ${describeCondition(d.when)}` : ''}${d.lookup ? '' : refs(d.legalBasis)}`);
  }
  if (v.dossier?.sets) lines.push('', `Số bộ hồ sơ: ${v.dossier.sets}`);
  lines.push('', '## Thời hạn giải quyết', '', v.timeLimit ? `${timeLimitText(v.timeLimit)}${refs(v.timeLimit.legalBasis)}` : 'Không quy định');
  lines.push('', '## Đối tượng thực hiện', '', (v.subjects ?? []).map(formatSubject).join('; ') || 'Không quy định');
  lines.push('', '## Cơ quan thực hiện', '', (v.agencies?.implementing ?? []).map(agency).join('; '));
  lines.push('', '## Kết quả thực hiện', '', ...(v.results ?? []).map((res) => `- ${res.name}`));
  lines.push('', '## Phí, lệ phí', '');
  if ((v.fees ?? []).length === 0) lines.push('Không');
  for (const f of v.fees ?? []) {
    const extras = [
      f.channels ? `chỉ khi nộp ${f.channels.map((c) => CHANNEL_VI[c].toLowerCase()).join(', ')}` : '',
      f.when ? `khi ${describeCondition(f.when)}` : '',
      f.quantity ? `× max(${f.quantity.min ?? 0}, ${f.quantity.fact}${f.quantity.offset ? ` ${f.quantity.offset > 0 ? '+' : '−'} ${Math.abs(f.quantity.offset)}` : ''})` : '',
      ...(f.exemptions ?? []).map((e) => `miễn khi ${describeCondition(e.when)}: ${e.reason}`),
    ].filter(Boolean);
    lines.push(`- ${f.name}: ${formatFee(f)}${extras.length > 0 ? `; ${extras.join('; ')}` : ''}${refs(f.legalBasis)}`);
  }
  if ((v.requirements ?? []).length > 0) lines.push('', '## Yêu cầu, điều kiện', '', ...(v.requirements ?? []).map((q) => `- ${q.text}${refs(q.legalBasis)}`));
  lines.push('', '## Căn cứ pháp lý', '', ...(v.legalBasis ?? []).map((l) => `- ${cite(catalogue, l)}`));
  return lines.join('\n') + '\n';
}

function timeLimitText(limit: TimeLimit): string {
  const cases = (limit.cases ?? []).map((c) => `${formatDuration(c)} ${c.label ? `(${c.label})` : `khi ${describeCondition(c.when)}`}`);
  return [formatTimeLimit(limit), ...cases].join('; ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
