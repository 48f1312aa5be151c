/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The due-date calculator on a procedure page. It runs the library's own computation
 * (rules/compute/deadlines.ts over rules/compute/calendar.ts, bundled by esbuild) on the working
 * calendar the build publishes beside it, so the browser and `tthc due` always give the same date.
 */
import { createWorkingCalendar, type WorkingCalendar } from '../../rules/compute/calendar.js';
import { computeDueDate } from '../../rules/compute/deadlines.js';
import type { WorkingCalendar as CalendarData } from '../../rules/schema/types/calendar.generated.js';
import type { TimeUnit } from '../../rules/schema/types/procedure-version.generated.js';
import { dueDateErrorVi, explainDueDate } from '../../rules/text/vi/due-dates.js';
import { chooseVersion, type CalculatorPeriod } from './calculator-version.js';

interface Limits {
  options: { label: string; value: number; unit: TimeUnit; text: string }[];
  /** Every version's period and limits: the count uses the one in force on the filing date. */
  versions?: CalculatorPeriod[];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Today in Vietnam (UTC+7), as the default filing date. */
function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

function start(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const out = root.querySelector<HTMLElement>('[data-result]')!;
  const limits = JSON.parse(root.querySelector('[data-limits]')!.textContent!) as Limits;
  const date = form.elements.namedItem('date') as HTMLInputElement;
  const time = form.elements.namedItem('time') as HTMLInputElement;
  const channel = form.elements.namedItem('channel') as HTMLSelectElement;
  if (!date.value) date.value = todayInVietnam();
  form.hidden = false;
  let calendar: Promise<WorkingCalendar> | undefined;
  const load = () =>
    (calendar ??= fetch(root.dataset.calendar!)
      .then((r) => r.json() as Promise<CalendarData>)
      .then(createWorkingCalendar));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      out.hidden = false;
      const shown = limits.options[Number(channel.value)]!;
      const from = time.value ? `${date.value}T${time.value}` : date.value;
      // The version in force on the filing date, as `tthc due` resolves it; none in force is said, not computed.
      const choice = limits.versions ? chooseVersion(limits.versions, date.value, shown.label) : undefined;
      if (choice?.kind === 'refused') {
        const p = el('p', choice.said, 'error');
        p.dataset.refused = '';
        out.replaceChildren(p);
        return;
      }
      const option = choice?.kind === 'in-force' ? choice.option : shown;
      try {
        const result = computeDueDate(await load(), { from, value: option.value, unit: option.unit });
        const text = explainDueDate(result);
        const due = el('p');
        due.append('Hạn trả kết quả: ', el('strong', text.due, 'due'));
        due.dataset.due = result.due;
        const parts: HTMLElement[] = [due, el('p', text.receipt), el('p', `Thời hạn ${option.label.toLowerCase()}: ${text.rule}`)];
        if (choice?.kind === 'in-force') {
          const which = el('p', choice.said, 'note');
          which.dataset.version = choice.period.version;
          parts.unshift(which);
        }
        if (text.skipped.length > 0) {
          parts.push(el('p', 'Những ngày không tính:'));
          const list = el('ul');
          for (const line of text.skipped) list.append(el('li', line));
          parts.push(list);
        }
        if (text.provisional) parts.push(el('p', text.provisional, 'note'));
        out.replaceChildren(...parts);
      } catch (error) {
        // In Vietnamese from the error's id and values; the library's English message is not for this page.
        const p = el('p', dueDateErrorVi(error), 'error');
        p.dataset.error = (error as { id?: string }).id ?? '';
        out.replaceChildren(p);
      }
    })();
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-calculator]')) start(root);
