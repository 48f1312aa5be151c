import { prepareApplication } from '../../rules/compute/application.js';
import { computeFees } from '../../rules/compute/fees.js';
import { requiredDocuments } from '../../rules/compute/dossier.js';
import { FEE_KIND_VI, formatCopies, formatMoney } from '../../rules/text/vi.js';
import { EXIT, out, parseFormat } from '../run.js';
import { channelLine, procedureLine } from './due.js';
import { cite, json, loadForQuery, parseDateOption, parseFactOptions } from './query.js';

export interface ApplicantFlags {
  at?: string;
  channel?: string;
  fact?: string[];
  format: string;
  dir: string;
}

async function application(code: string, flags: ApplicantFlags) {
  const date = parseDateOption(flags.at, '--at');
  const { catalogue } = await loadForQuery(flags.dir);
  return { catalogue, app: prepareApplication(catalogue, { code, date, channel: flags.channel, facts: parseFactOptions(flags.fact) }) };
}

/** tthc fee: the fees and charges due for an applicant, with exemptions and legal basis. */
export async function feeCommand(code: string, flags: ApplicantFlags): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json']);
  const { catalogue, app } = await application(code, flags);
  const result = computeFees(app);
  if (format === 'json') {
    await out(json(result));
    return EXIT.ok;
  }
  const lines = [procedureLine(result.application), channelLine(result.application), ''];
  if (result.lines.length === 0) lines.push('No fees or charges: the procedure is free (miễn phí).');
  for (const l of result.lines) {
    const mark = l.status === 'due' ? formatMoney(l.amount ?? 0, l.currency) : l.status === 'variable' ? 'due, amount set locally' : l.status === 'exempt' ? 'exempt (miễn)' : 'not applicable';
    lines.push(`${l.name} [${FEE_KIND_VI[l.kind].toLowerCase()}, ${l.id}]: ${mark}`);
    lines.push(`  ${l.explanation}`);
    for (const r of l.exemption?.legalBasis ?? []) lines.push(`  Exemption basis: ${cite(catalogue, r)}`);
    if (l.legalBasis.length > 0) lines.push(`  Basis: ${l.legalBasis.map((r) => cite(catalogue, r)).join('; ')}`);
  }
  lines.push('', `Total: ${result.totals.map((t) => formatMoney(t.amount, t.currency)).join(' + ')}${result.incomplete ? ', plus the locally set amounts above' : ''}`);
  await out(lines.join('\n') + '\n');
  return EXIT.ok;
}

const STATUS_TEXT = { submit: 'hand in', present: 'show (xuất trình)', 'looked-up': 'not needed: looked up', 'not-required': 'not required' } as const;

/** tthc dossier: the documents an applicant must bring, and those they need not. */
export async function dossierCommand(code: string, flags: ApplicantFlags): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json']);
  const { catalogue, app } = await application(code, flags);
  const result = requiredDocuments(catalogue, app);
  if (format === 'json') {
    await out(json(result));
    return EXIT.ok;
  }
  const lines = [procedureLine(result.application), channelLine(result.application), `Sets: ${result.sets}`, ''];
  const bring = result.documents.filter((d) => d.status === 'submit' || d.status === 'present');
  lines.push(bring.length > 0 ? `Bring (${bring.length}):` : 'Nothing to bring.');
  let n = 0;
  for (const d of result.documents) {
    if (d.status === 'not-required' || d.status === 'looked-up') continue;
    lines.push(`  ${++n}. ${d.name} [${d.id}]: ${formatCopies(d.originals, d.copies, d.certifiedCopy)}; ${STATUS_TEXT[d.status]}`);
    if (d.explanation.startsWith('Required because')) lines.push(`     ${d.explanation.split('. ')[0]}.`);
    if (d.legalBasis.length > 0) lines.push(`     Basis: ${d.legalBasis.map((r) => cite(catalogue, r)).join('; ')}`);
  }
  const others = result.documents.filter((d) => d.status === 'not-required' || d.status === 'looked-up');
  if (others.length > 0) {
    lines.push('', 'Not needed:');
    for (const d of others) {
      lines.push(`  - ${d.name} [${d.id}]: ${STATUS_TEXT[d.status]}. ${d.explanation}`);
      for (const r of d.lookup?.legalBasis ?? []) lines.push(`     Basis: ${cite(catalogue, r)}`);
    }
  }
  await out(lines.join('\n') + '\n');
  return EXIT.ok;
}
