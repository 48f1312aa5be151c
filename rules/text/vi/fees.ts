/** Fees and charges (phí, lệ phí): amounts, who sets variable ones, the channels and cases they apply to, exemptions. */
import type { FactDefinition, Fee } from '../../schema/types/procedure-version.generated.js';
import { formatChannelList } from './channels.js';
import { formatCase } from './conditions.js';
import { formatMoney, formatNumber } from './numbers.js';
import { lowerFirst } from './words.js';

export const FEE_KIND_VI: Record<Fee['kind'], string> = { phi: 'Phí', 'le-phi': 'Lệ phí' };

export const VARIABLE_FEE_VI = {
  'provincial-council': 'mức thu do Hội đồng nhân dân cấp tỉnh quy định',
  'not-recorded': 'mức thu chưa được cập nhật trong danh mục này',
} as const;

/** "Lệ phí: 200.000 đồng/hồ sơ"; a zero amount reads "Miễn lệ phí" / "Miễn phí"; a variable one says who sets it. */
export function formatFee(fee: Fee): string {
  if (fee.amount === undefined) return `${FEE_KIND_VI[fee.kind]}: ${fee.variable ? VARIABLE_FEE_VI[fee.variable.setBy] : VARIABLE_FEE_VI['not-recorded']}`;
  if (fee.amount === 0) return fee.kind === 'le-phi' ? 'Miễn lệ phí' : 'Miễn phí';
  return `${FEE_KIND_VI[fee.kind]}: ${formatMoney(fee.amount, fee.currency ?? 'VND')}${fee.unit ? `/${fee.unit}` : ''}`;
}

/**
 * The amount of one fee as it is charged: "200.000 đồng/Phiếu", "5.000 đồng/bản × (Số bản − 2)";
 * zero reads "Miễn phí" or "Miễn lệ phí"; a variable amount says who sets it.
 */
export function formatFeeAmount(fee: Fee, facts: ReadonlyMap<string, FactDefinition>): string {
  if (fee.amount === undefined) return VARIABLE_FEE_VI[fee.variable?.setBy ?? 'not-recorded'];
  if (fee.amount === 0) return fee.kind === 'le-phi' ? 'Miễn lệ phí' : 'Miễn phí';
  let text = `${formatMoney(fee.amount, fee.currency ?? 'VND')}${fee.unit ? `/${fee.unit}` : ''}`;
  if (fee.quantity) {
    const label = facts.get(fee.quantity.fact)?.label ?? fee.quantity.fact;
    const offset = fee.quantity.offset ?? 0;
    text += ` × (${label}${offset < 0 ? ` − ${formatNumber(-offset)}` : offset > 0 ? ` + ${formatNumber(offset)}` : ''})`;
  }
  return text;
}

/** ". Miễn: người khuyết tật" for each exemption; a reason already worded "Miễn …" is kept as it is. */
export function formatExemptions(fee: Fee): string {
  return (fee.exemptions ?? []).map((e) => (/^miễn\b/i.test(e.reason) ? `. ${e.reason}` : `. Miễn: ${e.reason}`)).join('');
}

/**
 * One fee as a line of a listing or detail page: name, amount, the channels and case it applies to,
 * and its exemptions. "Lệ phí đăng ký khai sinh: 8.000 đồng/hồ sơ (nộp trực tuyến). Miễn: …".
 */
export function formatFeeLine(fee: Fee, facts: ReadonlyMap<string, FactDefinition>): string {
  const scope: string[] = [];
  if (fee.channels) scope.push(`nộp ${formatChannelList(fee.channels)}`);
  if (fee.when) scope.push(lowerFirst(formatCase(fee.when, facts)));
  let text = `${fee.name}: ${formatFeeAmount(fee, facts)}${scope.length > 0 ? ` (${scope.join('; ')})` : ''}`;
  text += formatExemptions(fee);
  return text;
}

/** The fees of a version in one phrase; an empty list is "Miễn phí", as the law's lists write it. */
export function formatFees(fees: readonly Fee[] | undefined, facts: ReadonlyMap<string, FactDefinition>): string[] {
  if (!fees || fees.length === 0) return ['Miễn phí'];
  return fees.map((f) => formatFeeLine(f, facts));
}
