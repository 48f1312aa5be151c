/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The form preview, a section of the procedure page: the online form rendered from its generated
 * JSON Schema 2020-12 (embedded in the page), checked as the applicant types by form-check.ts (the
 * subset of JSON Schema the form schemas use, with ajv's errors; no generated code, so the page needs
 * no 'unsafe-eval'), with every message in Vietnamese. Nothing is sent anywhere.
 */
import { checkForm, type FormError } from './form-check.js';
import { patternMessage } from '../../generators/form-schemas/messages.js';

type ErrorObject = FormError;

type Schema = {
  title?: string;
  description?: string;
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  const?: unknown;
  oneOf?: { const: string | number | boolean; title?: string }[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: unknown;
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The Vietnamese message for one error (ajv's shape) about the value titled `title`. */
export function messageFor(error: ErrorObject, title: string): string | undefined {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return undefined; // reported on the missing property itself, see keyOf
    case 'pattern':
      return `${title} ${patternMessage(String(p.pattern)) ?? 'không đúng định dạng'}.`;
    case 'format':
      return p.format === 'date' ? `${title} phải là một ngày có thật.` : p.format === 'email' ? `${title} không phải địa chỉ thư điện tử hợp lệ.` : `${title} không đúng định dạng.`;
    case 'minLength':
      return Number(p.limit) <= 1 ? `Chưa nhập ${title.toLowerCase()}.` : `${title} phải có ít nhất ${String(p.limit)} ký tự.`;
    case 'maxLength':
      return `${title} không được dài quá ${String(p.limit)} ký tự.`;
    case 'minimum':
      return `${title} phải từ ${String(p.limit)} trở lên.`;
    case 'maximum':
      return `${title} không được lớn hơn ${String(p.limit)}.`;
    case 'type':
      return p.type === 'integer' ? `${title} phải là số nguyên.` : `${title} không đúng kiểu dữ liệu.`;
    case 'oneOf':
    case 'const':
    case 'enum':
      return `${title}: hãy chọn một giá trị trong danh sách.`;
    case 'minItems':
      return `Chưa đính kèm ${title.toLowerCase()}.`;
    case 'maxItems':
      return `${title}: đính kèm tối đa ${String(p.limit)} tệp.`;
    default:
      return undefined;
  }
}

function start(form: HTMLFormElement, schema: Schema): void {
  const validate = (data: unknown) => checkForm(schema as Parameters<typeof checkForm>[0], data);
  const host = form.querySelector<HTMLElement>('[data-fields]')!;
  const summary = form.querySelector<HTMLElement>('[data-summary]')!;
  const props = schema.properties ?? {};
  const procedure = props.procedure?.properties ?? {};
  const titles = new Map<string, string>();
  const controls = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const touched = new Set<string>();

  function control(group: 'facts' | 'fields' | 'documents', id: string, s: Schema, required: boolean): HTMLElement {
    const key = `${group}/${id}`;
    const domId = `f-${group}-${id}`;
    const title = s.title ?? id;
    titles.set(key, title);
    const wrap = el('div');
    const label = el('label', { for: domId }, title);
    if (required) label.append(el('span', { class: 'hint' }, 'Bắt buộc'));
    if (s.description) label.append(el('span', { class: 'hint' }, s.description));
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (group === 'documents') {
      input = el('input', { type: 'file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', multiple: '' });
    } else if (s.oneOf) {
      input = el('select');
      input.append(el('option', { value: '' }, '— Chọn —'));
      for (const o of s.oneOf) input.append(el('option', { value: JSON.stringify(o.const) }, o.title ?? String(o.const)));
      if (s.default !== undefined) input.value = JSON.stringify(s.default);
    } else if (s.type === 'boolean') {
      input = el('input', { type: 'checkbox' });
      input.checked = s.default === true;
      wrap.append(input, label);
      label.style.display = 'inline';
    } else if (s.type === 'integer' || s.type === 'number') {
      input = el('input', { type: 'number', inputmode: 'numeric', step: s.type === 'integer' ? '1' : 'any' });
      if (s.default !== undefined) input.value = String(s.default);
    } else if ((s.maxLength ?? 0) > 500) {
      input = el('textarea', { rows: '4' });
    } else {
      const type = s.format === 'date' ? 'date' : s.format === 'email' ? 'email' : 'text';
      input = el('input', { type, ...(s.pattern?.includes('[0-9]{12}') ? { inputmode: 'numeric', autocomplete: 'off' } : {}) });
    }
    input.id = domId;
    input.name = key;
    if (required) input.setAttribute('aria-required', 'true');
    const error = el('p', { class: 'error', id: `${domId}-error`, hidden: '' });
    input.setAttribute('aria-describedby', error.id);
    if (!(s.type === 'boolean')) wrap.append(label, input);
    wrap.append(error);
    controls.set(key, input);
    const mark = () => {
      touched.add(key);
      check(false);
    };
    input.addEventListener(input instanceof HTMLSelectElement || input.type === 'checkbox' || input.type === 'file' ? 'change' : 'input', mark);
    input.addEventListener('blur', mark);
    return wrap;
  }

  for (const group of ['facts', 'fields', 'documents'] as const) {
    const g = props[group];
    const entries = Object.entries(g?.properties ?? {});
    if (entries.length === 0) continue;
    const fieldset = el('fieldset');
    fieldset.append(el('legend', {}, g!.title ?? group));
    if (g!.description) fieldset.append(el('p', { class: 'hint' }, g!.description));
    for (const [id, s] of entries) fieldset.append(control(group, id, s, (g!.required ?? []).includes(id)));
    host.append(fieldset);
  }

  function value(): Record<string, unknown> {
    const data: Record<string, Record<string, unknown>> = { procedure: { code: procedure.code?.const, version: procedure.version?.const }, facts: {}, fields: {}, documents: {} };
    for (const [key, input] of controls) {
      const [group, id] = key.split('/') as [string, string];
      if (input instanceof HTMLInputElement && input.type === 'checkbox') data[group]![id] = input.checked;
      else if (input instanceof HTMLInputElement && input.type === 'file') {
        const files = [...(input.files ?? [])];
        if (files.length > 0) data[group]![id] = files.map((f) => ({ fileName: f.name, mediaType: f.type, size: f.size }));
      } else if (input instanceof HTMLSelectElement) {
        if (input.value !== '') data[group]![id] = JSON.parse(input.value) as unknown;
      } else if (input.value.trim() !== '') {
        data[group]![id] = input.type === 'number' ? Number(input.value) : input.value.trim();
      }
    }
    if (Object.keys(data.facts!).length === 0 && !props.facts) delete data.facts;
    return data;
  }

  /** The control an error is about: the missing property for "required", else the value's own path. */
  function keyOf(error: ErrorObject): string | undefined {
    const path = error.instancePath.split('/').filter(Boolean);
    if (error.keyword === 'required') path.push(String((error.params as { missingProperty: string }).missingProperty));
    const key = path.slice(0, 2).join('/');
    return controls.has(key) ? key : undefined;
  }

  function check(all: boolean): number {
    const messages = new Map<string, string>();
    for (const error of validate(value())) {
      const key = keyOf(error);
      if (!key || messages.has(key)) continue;
      const title = titles.get(key)!;
      const message = error.keyword === 'required' ? (key.startsWith('documents/') ? `Chưa đính kèm ${title.toLowerCase()}.` : `Chưa nhập ${title.toLowerCase()}.`) : messageFor(error, title);
      if (message) messages.set(key, message);
    }
    for (const [key, input] of controls) {
      const error = document.getElementById(`${input.id}-error`)!;
      const message = all || touched.has(key) ? messages.get(key) : undefined;
      error.hidden = message === undefined;
      error.textContent = message ?? '';
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    return messages.size;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const count = check(true);
    summary.replaceChildren();
    if (count === 0) summary.append(el('p', { class: 'ok', role: 'status' }, 'Tờ khai hợp lệ theo lược đồ. (Bản xem trước không gửi đi đâu.)'));
    else {
      summary.append(el('p', { class: 'error', role: 'alert' }, `Tờ khai còn ${count} lỗi, hãy xem các ô được đánh dấu.`));
      const first = form.querySelector<HTMLElement>('[aria-invalid=true]');
      first?.focus();
    }
  });
  form.hidden = false;
}

const form = document.querySelector<HTMLFormElement>('[data-form-preview]');
const data = document.querySelector('[data-schema]');
if (form && data) start(form, JSON.parse(data.textContent!) as Schema);
