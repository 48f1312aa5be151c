/**
 * The fees and charges (phí, lệ phí) due for one application: which apply, which are exempt and
 * why, how many units, and the totals, each line with its legal basis.
 */
import type { Fee, LegalRef } from '../schema/types/procedure-version.generated.js';
import { formatMoney } from '../text/vi/numbers.js';
import { summarize, type Application, type ApplicationSummary } from './application.js';
import { describeCondition, MissingFacts } from './conditions.js';
import { notesAbout, type SpecNote } from './spec-notes.js';
import { amountAtRate, rateBasis, rateFor, ratePeriodText } from './fee-rates.js';

export interface FeeLine {
  id: string;
  kind: Fee['kind'];
  name: string;
  /**
   * due: payable; variable: payable, but its amount is not fixed nationally (set by each province's
   * People's Council, or not recorded); exempt: would be payable but an exemption applies;
   * not-applicable: its channel or condition does not hold.
   */
  status: 'due' | 'variable' | 'exempt' | 'not-applicable';
  /** The amount per unit, as the spec states it; null when it is variable. */
  unitAmount: number | null;
  /** How many units: 1, or the fee's quantity rule applied to a fact. */
  quantity: number;
  /** What is payable for this line: unitAmount × quantity; 0 when exempt or not applicable; null when variable. */
  amount: number | null;
  /** Who sets a variable amount. */
  variable: { setBy: 'provincial-council' | 'not-recorded'; note: string | null } | null;
  currency: 'VND' | 'USD';
  unit: string | null;
  /** Why the line is what it is, in one sentence. */
  explanation: string;
  exemption: { reason: string; legalBasis: LegalRef[] } | null;
  legalBasis: LegalRef[];
  /**
   * A temporary rate in force on the filing date (registry feeRates): unitAmount is then the spec's
   * amount at that percent, and the rate's document is added to the legal basis.
   */
  rate: { id: string; percent: number; baseAmount: number; document: string; from: string; until: string | null; source: string; note: string | null } | null;
}

export interface FeeResult {
  application: ApplicationSummary;
  lines: FeeLine[];
  /** Totals per currency of the fixed amounts, VND first; a procedure with nothing payable has a VND total of 0. */
  totals: { currency: 'VND' | 'USD'; amount: number }[];
  /** Some payable line has a variable amount, which the totals leave out. */
  incomplete: boolean;
  /** What the spec says it does not model or has not confirmed about its fees (and in general). */
  notes: SpecNote[];
}

export function computeFees(app: Application): FeeResult {
  const missing = new MissingFacts(app.facts);
  const lines: FeeLine[] = [];
  for (const fee of app.version.data.fees ?? []) {
    const what = `the fee "${fee.id}"`;
    const currency = fee.currency ?? 'VND';
    const found = fee.amount === undefined ? undefined : rateFor(fee, app.channel, app.feeRates);
    const rate: FeeLine['rate'] = found && fee.amount !== undefined
      ? { id: found.id, percent: found.percent, baseAmount: fee.amount, document: found.document, from: found.period.from, until: found.period.until ?? null, source: found.source, note: found.note ?? null }
      : null;
    const amountPerUnit = rate && found ? amountAtRate(rate.baseAmount, found, currency) : fee.amount;
    const base = {
      id: fee.id,
      kind: fee.kind,
      name: fee.name,
      unitAmount: amountPerUnit ?? null,
      currency,
      unit: fee.unit ?? null,
      variable: fee.amount === undefined ? { setBy: fee.variable?.setBy ?? 'not-recorded', note: fee.variable?.note ?? null } : null,
      legalBasis: found ? [...(fee.legalBasis ?? []), rateBasis(found)] : fee.legalBasis ?? [],
      rate,
    } as const;
    const rateText = rate && found ? `${rate.percent}% of ${formatMoney(rate.baseAmount, currency)} under ${rate.document} (${ratePeriodText(found)}): ` : '';
    if (fee.channels && !fee.channels.includes(app.channel)) {
      lines.push({ ...base, status: 'not-applicable', quantity: 0, amount: 0, exemption: null, explanation: `Applies only when filing ${fee.channels.join(' or ')}; this filing is ${app.channel}.` });
      continue;
    }
    if (fee.when) {
      const t = missing.check(fee.when, what);
      if (t === undefined) continue;
      if (!t) {
        lines.push({ ...base, status: 'not-applicable', quantity: 0, amount: 0, exemption: null, explanation: `Applies only when ${describeCondition(fee.when)}.` });
        continue;
      }
    }
    let exemption: FeeLine['exemption'] = null;
    let undecided = false;
    for (const e of fee.exemptions ?? []) {
      const t = missing.check(e.when, `an exemption from ${what}`);
      if (t === undefined) {
        undecided = true;
        break;
      }
      if (t) {
        exemption = { reason: e.reason, legalBasis: e.legalBasis ?? [] };
        break;
      }
    }
    if (undecided) continue;
    let quantity = 1;
    let quantityText = '';
    if (fee.quantity) {
      const n = app.facts.values.get(fee.quantity.fact);
      if (typeof n !== 'number') {
        missing.add(fee.quantity.fact, `the quantity of ${what}`);
        continue;
      }
      const offset = fee.quantity.offset ?? 0;
      quantity = Math.max(fee.quantity.min ?? 0, n + offset);
      quantityText = ` × ${quantity} (${fee.quantity.fact} = ${n}${offset !== 0 ? `, ${offset > 0 ? '+' : '−'} ${Math.abs(offset)}` : ''}${fee.quantity.min !== undefined ? `, at least ${fee.quantity.min}` : ''})`;
    }
    const money = (n: number) => formatMoney(n, base.currency);
    if (exemption) {
      lines.push({ ...base, status: 'exempt', quantity, amount: 0, exemption, explanation: `Exempt: ${exemption.reason}` });
      continue;
    }
    const applies = fee.when ? `Applies because ${describeCondition(fee.when)}: ` : '';
    if (fee.amount === undefined) {
      const who = base.variable?.setBy === 'provincial-council' ? "the amount is set by each province's People's Council (HĐND cấp tỉnh)" : 'the amount is not recorded in this catalogue';
      lines.push({ ...base, status: 'variable', quantity, amount: null, exemption: null, explanation: `${applies}${who}${quantityText ? `, × ${quantity}` : ''}; not included in the total.` });
      continue;
    }
    const unitAmount = amountPerUnit!;
    const amount = unitAmount * quantity;
    lines.push({ ...base, status: 'due', quantity, amount, exemption: null, explanation: `${applies}${rateText}${money(unitAmount)}${base.unit ? `/${base.unit}` : ''}${quantityText} = ${money(amount)}.` });
  }
  missing.throwIfAny(`The fees of ${app.code}@${app.version.data.version}`);
  const totals = new Map<'VND' | 'USD', number>([['VND', 0]]);
  for (const l of lines) if (l.status === 'due') totals.set(l.currency, (totals.get(l.currency) ?? 0) + (l.amount ?? 0));
  return {
    application: summarize(app),
    lines,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
    incomplete: lines.some((l) => l.status === 'variable'),
    notes: notesAbout(app.version.data, ['/fees']),
  };
}
