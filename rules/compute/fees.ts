/**
 * The fees and charges (phí, lệ phí) due for one application: which apply, which are exempt and
 * why, how many units, and the totals, each line with its legal basis.
 */
import type { Fee, LegalRef } from '../schema/types/procedure-version.js';
import { formatMoney } from '../text/vi.js';
import { summarize, type Application, type ApplicationSummary } from './application.js';
import { describeCondition, MissingFacts } from './conditions.js';

export interface FeeLine {
  id: string;
  kind: Fee['kind'];
  name: string;
  /** due: payable; exempt: would be payable but an exemption applies; not-applicable: its channel or condition does not hold. */
  status: 'due' | 'exempt' | 'not-applicable';
  /** The amount per unit, as the spec states it. */
  unitAmount: number;
  /** How many units: 1, or the fee's quantity rule applied to a fact. */
  quantity: number;
  /** What is payable for this line: unitAmount × quantity, or 0 when exempt or not applicable. */
  amount: number;
  currency: 'VND' | 'USD';
  unit: string | null;
  /** Why the line is what it is, in one sentence. */
  explanation: string;
  exemption: { reason: string; legalBasis: LegalRef[] } | null;
  legalBasis: LegalRef[];
}

export interface FeeResult {
  application: ApplicationSummary;
  lines: FeeLine[];
  /** Totals per currency, VND first; a procedure with nothing payable has a VND total of 0. */
  totals: { currency: 'VND' | 'USD'; amount: number }[];
}

export function computeFees(app: Application): FeeResult {
  const missing = new MissingFacts(app.facts);
  const lines: FeeLine[] = [];
  for (const fee of app.version.data.fees ?? []) {
    const what = `the fee "${fee.id}"`;
    const base = {
      id: fee.id,
      kind: fee.kind,
      name: fee.name,
      unitAmount: fee.amount,
      currency: fee.currency ?? 'VND',
      unit: fee.unit ?? null,
      legalBasis: fee.legalBasis ?? [],
    } as const;
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
    const amount = fee.amount * quantity;
    const applies = fee.when ? `Applies because ${describeCondition(fee.when)}: ` : '';
    lines.push({ ...base, status: 'due', quantity, amount, exemption: null, explanation: `${applies}${money(fee.amount)}${base.unit ? `/${base.unit}` : ''}${quantityText} = ${money(amount)}.` });
  }
  missing.throwIfAny(`The fees of ${app.code}@${app.version.data.version}`);
  const totals = new Map<'VND' | 'USD', number>([['VND', 0]]);
  for (const l of lines) if (l.status === 'due') totals.set(l.currency, (totals.get(l.currency) ?? 0) + l.amount);
  return { application: summarize(app), lines, totals: [...totals].map(([currency, amount]) => ({ currency, amount })) };
}
