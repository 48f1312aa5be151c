import type { Application } from '../../rules/compute/application.js';
import { computeFees, type FeeLine } from '../../rules/compute/fees.js';
import { factsOf } from '../../rules/compute/conditions.js';
import { formatCase } from '../../rules/text/vi/conditions.js';
import { formatChannelList } from '../../rules/text/vi/channels.js';
import { FEE_KIND_VI, VARIABLE_FEE_VI } from '../../rules/text/vi/fees.js';
import { formatMoney, formatNumber } from '../../rules/text/vi/numbers.js';
import { application, channelLine, correctionLines, procedureLine, type ApplicantFlags } from '../applicant.js';
import { lang, m } from '../i18n.js';
import { parseFormat } from '../options.js';
import { cite, json, out, outDocument, say } from '../output.js';
import { EXIT } from '../run.js';

/**
 * Why a fee line is what it is, in Vietnamese, from the spec's own data (the library's explanation
 * is English): the amount and how it is counted, who sets a variable one, the exemption, or the
 * channel or case the fee is limited to.
 */
function explanationVi(l: FeeLine, app: Application): string {
  const fee = (app.version.data.fees ?? []).find((f) => f.id === l.id);
  const facts = factsOf(app.version.data.facts);
  const applies = fee?.when ? `${formatCase(fee.when, facts)}: ` : '';
  switch (l.status) {
    case 'exempt':
      return `Được miễn: ${l.exemption?.reason ?? ''}`;
    case 'not-applicable':
      if (fee?.channels && !fee.channels.includes(app.channel)) return `Chỉ áp dụng khi nộp ${formatChannelList(fee.channels)}.`;
      return fee?.when ? `Chỉ áp dụng: ${formatCase(fee.when, facts)}.` : 'Không áp dụng cho hồ sơ này.';
    case 'variable':
      return `${applies}${VARIABLE_FEE_VI[l.variable?.setBy ?? 'not-recorded']}${l.quantity !== 1 ? `, × ${formatNumber(l.quantity)}` : ''}; không tính vào tổng cộng.`;
    case 'due': {
      const money = (n: number) => formatMoney(n, l.currency);
      const rate = l.rate ? `${formatNumber(l.rate.percent)}% của ${money(l.rate.baseAmount)} theo ${l.rate.document} (từ ${l.rate.from}${l.rate.until ? ` đến ${l.rate.until}` : ''}): ` : '';
      return `${applies}${rate}${money(l.unitAmount ?? 0)}${l.unit ? `/${l.unit}` : ''}${l.quantity !== 1 ? ` × ${formatNumber(l.quantity)}` : ''} = ${money(l.amount ?? 0)}.`;
    }
  }
}

/** tthc fee: the fees and charges due for an applicant, with exemptions and legal basis. */
export async function feeCommand(code: string, flags: ApplicantFlags): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json']);
  const { catalogue, app } = await application(code, flags);
  const result = computeFees(app);
  if (format === 'json') {
    await outDocument(json(result));
    return EXIT.ok;
  }
  const t = m().fee;
  const lines = [procedureLine(result.application), channelLine(result.application), ...correctionLines(catalogue, result.application), ''];
  if (result.lines.length === 0) lines.push(t.free);
  for (const l of result.lines) {
    // A fee the catalogue has no amount for is not one the province sets: say which.
    const variable = l.variable?.setBy === 'not-recorded' ? t.notRecorded : t.variable;
    const mark = l.status === 'due' ? formatMoney(l.amount ?? 0, l.currency) : l.status === 'variable' ? variable : l.status === 'exempt' ? t.exempt : t.notApplicable;
    lines.push(`${l.name} [${FEE_KIND_VI[l.kind].toLowerCase()}, ${l.id}]: ${mark}`);
    lines.push(`  ${lang() === 'vi' ? explanationVi(l, app) : l.explanation}`);
    for (const r of l.exemption?.legalBasis ?? []) lines.push(t.exemptionBasis(cite(catalogue, r)));
    if (l.legalBasis.length > 0) lines.push(t.basis(l.legalBasis.map((r) => cite(catalogue, r)).join('; ')));
  }
  const open = result.lines.filter((l) => l.status === 'variable');
  const unrecorded = open.some((l) => l.variable?.setBy === 'not-recorded');
  const local = open.some((l) => l.variable?.setBy !== 'not-recorded');
  const left = !result.incomplete ? false : unrecorded && local ? 'both' : unrecorded ? 'unrecorded' : 'local';
  lines.push('', t.total(result.totals.map((x) => formatMoney(x.amount, x.currency)).join(' + '), left));
  if (result.notes.length > 0) {
    lines.push('', m().applicant.notesHead);
    for (const n of result.notes) lines.push(`  - ${n.kind === 'uncertain' ? '[chưa xác minh] ' : ''}${n.text}`);
  }
  for (const l of result.lines) if (l.rate?.note) lines.push(`  - [${l.rate.document}] ${l.rate.note}`);
  await say(lines.join('\n') + '\n');
  return EXIT.ok;
}
