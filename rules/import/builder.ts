/**
 * Builds one spec from the pieces a format parser reads, and keeps the books while doing it: every
 * value that is not taken with confidence gets a warning naming the record and the field, and its raw
 * text goes into source.raw.
 */
import type { Channel, ChannelKind, Document, FactDefinition, Fee, Form, LegalRef, Note, ProcedureVersion, Result, Step, TimeLimit } from '../schema/types/procedure-version.generated.js';
import type { LegalDocument, Level } from '../schema/types/registry.generated.js';
import { compareDurations } from '../compute/durations.js';
import { FEE_KIND_VI } from '../text/vi/fees.js';
import { normaliseCode } from './codes.js';
import { mentionsCertifiedCopy, parseSets, type Counts } from './documents.js';
import { amountsInNote, noteSuggestsCharge, type FeeCell, type FeeItem } from './fees.js';
import { documentTitle, inferDocument, repairSign } from './legal.js';
import { emptyMetrics, type ImportFormat, type ImportWarning, type RecordMetrics, type RecordOutcome, type RegistryNeeds, type WarningKind } from './model.js';
import { splitSteps } from './steps.js';
import { oneLine, slugId, trimItem } from './text.js';
import { clockStart, describeTime, distinctTimes, findTimes, sameTime, type StatedTime, type TimeCell } from './time.js';
import { IMPORT_LEVELS, levelFromAgency, parseKind, parseLevels, parseSubjects, stepActor } from './vocabulary.js';
import { agenciesMentioned } from './agency-names.js';
import { NOT_STATED_ID, NOT_STATED_VI } from '../lint/not-stated.js';

/** The registry entries that stand for "not stated in the source" (lint rule not-stated keeps them out of published versions). */
export const NOT_STATED_AGENCY = { id: NOT_STATED_ID, name: NOT_STATED_VI, notStated: true, note: 'Nguồn không ghi cơ quan thực hiện; cần bổ sung trước khi công bố.' } as const;
export const NOT_STATED_FIELD = { id: NOT_STATED_ID, name: NOT_STATED_VI, notStated: true } as const;
export const NOT_STATED_LEVEL: Level = { id: NOT_STATED_ID, name: NOT_STATED_VI, order: 100, effective: { from: '1945-01-01' }, notStated: true, note: 'Nguồn không ghi cấp thực hiện; cần bổ sung trước khi công bố.' };

export interface ChannelInput {
  kind: ChannelKind;
  /** Source field path of the channel, for warnings: `tables.hinh_thuc_nop[0]`. */
  field: string;
  timeRaw: string | undefined;
  time: TimeCell;
  feeRaw: string | undefined;
  fee: FeeCell;
  /** Fee lines that follow no known pattern. */
  feeUnparsed?: string[];
  description: string | undefined;
  /** The time and fee were glued digits that split more than one way; set when the split is a guess. */
  splitGuess?: string;
}

export interface DocumentInput {
  field: string;
  name: string;
  counts: Counts | undefined;
  /** The raw count text, when it did not parse. */
  countsRaw?: string;
  forms: string[];
  formsGlued?: boolean;
  /** Documents to be shown, not handed in (giấy tờ phải xuất trình). */
  present?: boolean;
  /** Heading of the group the document is listed under. */
  group?: string;
}

export interface LegalInput {
  field: string;
  number: string | undefined;
  title: string | undefined;
  issued?: string;
  issuer?: string;
  rank: number;
  /** The raw text, kept when the entry could not be read with confidence. */
  raw?: string;
}

const DOC_PREFIX = 'gt-';

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function localId(prefix: string, text: string, used: Set<string>): string {
  return uniqueId(`${prefix}${slugId(text, 40)}`.replace(/-+$/, ''), used);
}

export class RecordBuilder {
  readonly warnings: ImportWarning[] = [];
  readonly raw: Record<string, string> = {};
  readonly notes: Note[] = [];
  readonly metrics: RecordMetrics = emptyMetrics();
  readonly needs: RegistryNeeds = { agencies: [], fields: [], legalDocuments: [], levels: [] };
  readonly spec: Partial<ProcedureVersion> = {};
  code: string | undefined;
  private readonly ids = new Set<string>();
  /** The source field of the agencies when none is stated, for the warning. */
  private agencyField: string | undefined;
  /** The raw steps text, where an agency may be named. */
  private stepsText: string | undefined;

  constructor(
    readonly format: ImportFormat,
    readonly record: string,
  ) {}

  warn(kind: WarningKind, field: string, message: string, raw?: string): void {
    const w: ImportWarning = { record: this.record, field, kind, message };
    if (this.code) w.code = this.code;
    this.warnings.push(w);
    if (raw !== undefined && raw.trim() !== '') this.keepRaw(field, raw);
  }

  keepRaw(field: string, text: string): void {
    this.raw[field] = this.raw[field] && this.raw[field] !== text ? `${this.raw[field]}\n${text}` : text;
  }

  note(kind: Note['kind'], text: string, pointer?: string): void {
    const n: Note = { kind, text: text.slice(0, 20000) };
    if (pointer) n.pointer = pointer;
    this.notes.push(n);
  }

  setCode(raw: string, field: string): boolean {
    const { code, repair } = normaliseCode(raw);
    if (!code) return false;
    this.code = code;
    this.spec.code = code;
    if (repair) this.warn('code-repaired', field, `Procedure code repaired: ${repair}.`, raw);
    return true;
  }

  setKind(raw: string | undefined, field: string): void {
    const kind = raw ? parseKind(raw) : undefined;
    if (kind) {
      this.spec.kind = kind;
      return;
    }
    // The schema needs a kind; "other" with an uncertain note is the honest placeholder.
    this.spec.kind = 'other';
    this.note('uncertain', raw ? `Loại thủ tục theo nguồn: "${raw}" (chưa đối chiếu được).` : 'Nguồn không ghi loại thủ tục.', '/kind');
    this.warn('kind-unknown', field, raw ? `Unknown procedure kind "${raw}"; recorded as other.` : 'No procedure kind; recorded as other.', raw);
  }

  /** For sources with no level: the level the implementing agency's name implies, flagged. */
  inferLevels(agencyNames: string[], field: string): void {
    const ids = [...new Set(agencyNames.map(levelFromAgency).filter((l): l is string => l !== undefined))];
    if (ids.length === 0) {
      this.warn('level-missing', field, 'The source states no level and the agency name implies none.');
      return;
    }
    const order = IMPORT_LEVELS.map((l) => l.id);
    ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    this.spec.levels = ids;
    for (const id of ids) this.needs.levels.push(IMPORT_LEVELS.find((l) => l.id === id)!);
    this.warn('level-inferred', field, `The source states no level; ${ids.join(', ')} is read from the agency name.`);
    this.note('uncertain', `Cấp thực hiện suy ra từ tên cơ quan thực hiện (${agencyNames.join('; ')}); nguồn không ghi.`, '/levels');
  }

  setName(raw: string | undefined, fallback: string, field: string): void {
    const name = raw ? oneLine(raw) : fallback;
    if (name.length > 1000) {
      this.warn('name-too-long', field, `The name has ${name.length} characters, more than the 1000 a name may have; it is cut and kept whole as raw text.`, raw);
      this.spec.name = { vi: `${name.slice(0, 999)}…` };
    } else this.spec.name = { vi: name };
  }

  setLevels(raw: string | undefined, field: string): void {
    const { levels, unknown } = parseLevels(raw ?? '');
    if (unknown.length > 0) this.warn('level-unknown', field, `Unknown level(s): ${unknown.join(', ')}.`, raw);
    if (levels.length === 0) {
      this.warn('level-missing', field, 'No level (cấp thực hiện) could be read.', raw);
      return;
    }
    this.spec.levels = levels;
    for (const id of levels) this.needs.levels.push(IMPORT_LEVELS.find((l) => l.id === id)!);
  }

  setField(name: string | undefined): void {
    if (!name) return;
    const id = slugId(name);
    this.spec.field = id;
    this.needs.fields.push({ id, name: oneLine(name) });
  }

  setSubjects(raw: string | undefined): void {
    this.spec.subjects = raw ? parseSubjects(raw) : [];
  }

  /** Registers an agency by name and returns its id. */
  agency(name: string): string {
    const clean = oneLine(name).replace(/[.;]$/, '');
    const id = slugId(clean);
    this.needs.agencies.push({ id, name: clean });
    return id;
  }

  /** One cell may list several agencies, one per line. */
  agencies(raw: string | undefined): string[] {
    if (!raw) return [];
    const ids = raw
      .split('\n')
      .map((l) => trimItem(l))
      .filter(Boolean)
      .map((l) => this.agency(l));
    return [...new Set(ids)];
  }

  /**
   * The agencies by role. With no implementing agency the competent one stands in (flagged); with
   * neither, the spec has none and says so.
   */
  setAgencies(raw: { implementing?: string | undefined; competent?: string | undefined; delegated?: string | undefined; coordinating?: string | undefined }, field: string): void {
    const implementing = this.agencies(raw.implementing);
    const competent = this.agencies(raw.competent);
    const delegated = this.agencies(raw.delegated);
    const coordinating = this.agencies(raw.coordinating);
    const agencies: NonNullable<ProcedureVersion['agencies']> = { implementing: implementing.length > 0 ? implementing : competent };
    if (implementing.length === 0) {
      if (competent.length > 0) this.warn('agency-inferred', field, `No implementing agency; the competent agency is used (${oneLine(raw.competent ?? '').slice(0, 200)}).`);
      else this.agencyField = field;
    }
    if (competent.length > 0) agencies.competent = competent;
    if (delegated.length > 0) agencies.delegated = delegated;
    if (coordinating.length > 0) agencies.coordinating = coordinating;
    this.spec.agencies = agencies;
  }

  setSteps(raw: string | undefined, field: string): void {
    this.stepsText = raw;
    if (!raw) {
      this.spec.steps = [];
      return;
    }
    const { preamble, steps } = splitSteps(raw);
    if (preamble) this.note('info', preamble, '/steps');
    const used = new Set<string>();
    this.spec.steps = steps.map((action, i): Step => ({ id: uniqueId(`buoc-${i + 1}`, used), actor: stepActor(action), action: action.slice(0, 20000) }));
    if (steps.length === 0) this.warn('steps-unparsed', field, 'The sequence of steps has no text that could be read.', raw);
  }

  setResults(items: { name: string; code?: string }[]): void {
    this.spec.results = items.map((i): Result => (i.code ? { name: i.name, code: i.code } : { name: i.name }));
  }

  setRequirements(raw: string | undefined): void {
    if (!raw || /^không (quy định|có)\b\.?$/iu.test(raw.trim())) {
      this.spec.requirements = [];
      return;
    }
    this.spec.requirements = [{ id: 'dieu-kien', text: raw.slice(0, 20000) }];
  }

  /** Citations: the registry learns each document; the spec cites each number once. */
  setLegalBasis(inputs: LegalInput[]): void {
    const refs: LegalRef[] = [];
    for (const input of inputs) {
      if (!input.number) {
        this.warn('legal-number-missing', input.field, `No document number could be read from "${oneLine(input.raw ?? input.title ?? '').slice(0, 120)}".`, input.raw ?? input.title);
        continue;
      }
      const repaired = repairSign(input.number);
      if (repaired.repaired) {
        this.warn('legal-number-repaired', input.field, `Document number repaired: ${input.number} → ${repaired.number}.`, input.number);
        input.number = repaired.number;
      }
      const inferred = inferDocument(input.number, input.title);
      const issuer = input.issuer ?? inferred.issuer;
      if (!issuer) this.warn('legal-issuer-unknown', input.field, `The issuer of ${input.number} is not stated and its sign names no known body.`);
      const entry: LegalDocument = {
        number: input.number,
        type: inferred.type,
        issuer: issuer ?? `Chưa rõ cơ quan ban hành (ký hiệu ${input.number.split('/').pop()})`,
        title: documentTitle(input.title, input.number, inferred.type),
      };
      if (input.issued) entry.issued = input.issued;
      const builtTitle = entry.title !== oneLine(input.title ?? '').replace(/[;:,.\s]+$/, '');
      this.needs.legalDocuments.push({ entry, rank: builtTitle ? 1 : input.rank });
      if (input.raw) this.keepRaw(input.field, input.raw);
      if (!refs.some((r) => r.document === input.number)) refs.push({ document: input.number });
    }
    this.spec.legalBasis = refs;
  }

  /**
   * Channels, with the statutory time limit and the fees they imply. Times come from the time cell,
   * or from the description when the cell is empty; a description that states another time is a
   * contradiction, reported and kept in the channel's note.
   */
  setChannels(inputs: ChannelInput[], where?: string): void {
    const byKind = new Map<ChannelKind, ChannelInput>();
    for (const input of inputs) {
      if (byKind.has(input.kind)) {
        this.warn('channel-duplicate', input.field, `A second ${input.kind} channel; its time, fee and description are kept as raw text.`, [input.timeRaw, input.feeRaw, input.description].filter(Boolean).join('\n'));
        continue;
      }
      byKind.set(input.kind, input);
    }
    // One order for every source (in person, online, post), so versions from different exports diff cleanly.
    const order: ChannelKind[] = ['in-person', 'online', 'postal'];
    const kept = [...byKind.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    const times: { input: ChannelInput; time: StatedTime | undefined; assumed: boolean }[] = [];
    let notRegulated = false;
    for (const input of kept) {
      this.metrics.channels++;
      const time = this.channelTime(input);
      if (input.time.kind === 'not-regulated') notRegulated = true;
      times.push({ input, ...time });
    }
    // The statutory limit is the longest channel time; shorter channels keep their own.
    const parsed = times.filter((t) => t.time !== undefined) as { input: ChannelInput; time: StatedTime; assumed: boolean }[];
    let statutory: (typeof parsed)[number] | undefined;
    for (const t of parsed) {
      if (!statutory) statutory = t;
      else {
        const c = compareDurations(t.time, statutory.time);
        if (c === 1) statutory = t;
        if (c === undefined) {
          this.warn('time-differs-by-channel', t.input.field, `The ${t.input.kind} channel states ${describeTime(t.time)}, not comparable with ${describeTime(statutory.time)} on the ${statutory.input.kind} channel; the first is taken as the statutory limit.`);
        }
      }
    }
    const channels: Channel[] = [];
    for (const t of times) {
      const channel: Channel = { kind: t.input.kind };
      if (where && t.input.kind !== 'online') channel.where = where.slice(0, 20000);
      if (statutory && t.time && !sameTime(t.time, statutory.time)) channel.timeLimit = { value: t.time.value, unit: t.time.unit, ...clockStart(t.input.description) };
      if (t.input.description) channel.note = t.input.description.slice(0, 20000);
      channels.push(channel);
    }
    if (where && !channels.some((c) => c.where)) this.note('info', `Địa chỉ tiếp nhận hồ sơ: ${where}`, '/channels');
    this.spec.channels = channels;
    if (statutory) {
      const limit: TimeLimit = { value: statutory.time.value, unit: statutory.time.unit, ...clockStart(statutory.input.description) };
      this.spec.timeLimit = limit;
    } else {
      this.spec.timeLimit = null;
      if (notRegulated) this.note('info', 'Thời hạn giải quyết: Không quy định (theo nguồn).', '/timeLimit');
      else {
        this.note('uncertain', 'Nguồn không ghi thời hạn giải quyết.', '/timeLimit');
        this.warn('time-missing', kept[0]?.field ?? 'channels', 'No channel states a time limit.');
      }
    }
    this.setFees(kept);
  }

  private channelTime(input: ChannelInput): { time: StatedTime | undefined; assumed: boolean } {
    const field = `${input.field}.time`;
    const mentioned = input.description ? distinctTimes(findTimes(input.description)) : [];
    const cell = input.time;
    if (cell.kind === 'not-regulated') {
      this.metrics.timeNotRegulated++;
      return { time: undefined, assumed: false };
    }
    if (cell.kind === 'time') {
      this.metrics.timeStated++;
      this.metrics.timeParsed++;
      const time = { value: cell.value, unit: cell.unit };
      // Stages that add up to the stated time ("5 ngày … 10 ngày" for 15) agree with it.
      const sum = mentioned.every((m) => m.unit === time.unit) ? mentioned.reduce((a, m) => a + m.value, 0) : undefined;
      if (mentioned.length > 0 && sum !== time.value && !mentioned.some((m) => sameTime(m, time) || compareDurations(m, time) === 0)) {
        this.warn('time-contradiction', `${input.field}.description`, `The ${input.kind} channel states ${describeTime(time)} but its description says ${mentioned.map(describeTime).join(' / ')}; the stated time is used and the description is kept in the channel note.`);
      }
      if (input.splitGuess) this.warn('fee-split-ambiguous', field, input.splitGuess, input.timeRaw);
      return { time, assumed: false };
    }
    if (cell.kind === 'bare') {
      this.metrics.timeStated++;
      this.metrics.timeParsed++;
      const unit = mentioned.find((m) => m.value === cell.value)?.unit;
      if (input.splitGuess) this.warn('fee-split-ambiguous', field, input.splitGuess, input.timeRaw);
      if (unit) return { time: { value: cell.value, unit }, assumed: false };
      // The portal shows a number with no unit; working days are by far its most common unit.
      this.metrics.timeUnitAssumed++;
      this.warn('time-unit-assumed', field, `The time "${input.timeRaw}" has no unit; working days assumed.`, input.timeRaw);
      this.note('uncertain', `Thời hạn "${input.timeRaw}" của kênh ${input.kind} không ghi đơn vị; tạm hiểu là ngày làm việc.`, '/timeLimit');
      return { time: { value: cell.value, unit: 'working-days' }, assumed: true };
    }
    // No time in the cell (empty, or a sentence): read the description, then the sentence itself.
    const sentence = cell.kind === 'text' ? distinctTimes(findTimes(cell.text)) : [];
    const candidates = sentence.length > 0 ? sentence : mentioned;
    if (cell.kind === 'text' || candidates.length > 0) this.metrics.timeStated++;
    if (candidates.length === 1) {
      this.metrics.timeParsed++;
      this.warn('time-from-description', field, `The time limit ${describeTime(candidates[0]!)} was read from the ${sentence.length > 0 ? 'time cell sentence' : 'description'}.`, input.timeRaw);
      return { time: candidates[0]!, assumed: false };
    }
    if (candidates.length > 1) {
      this.warn('time-ambiguous', field, `Several time limits are stated (${candidates.map(describeTime).join(', ')}); none is taken as the channel's.`, input.timeRaw ?? input.description);
    } else if (cell.kind === 'text') {
      this.warn('time-unparsed', field, `The time limit "${oneLine(cell.text).slice(0, 120)}" is not a duration.`, cell.text);
    }
    return { time: undefined, assumed: false };
  }

  private setFees(inputs: ChannelInput[]): void {
    interface Placed {
      item: FeeItem;
      kinds: ChannelKind[];
      tier: boolean;
    }
    const placed = new Map<string, Placed>();
    let anyStated = false;
    for (const input of inputs) {
      const field = `${input.field}.fee`;
      if (input.feeUnparsed && input.feeUnparsed.length > 0) {
        this.warn('fee-unparsed', field, `Fee text that follows no known pattern: "${oneLine(input.feeUnparsed.join(' ')).slice(0, 120)}".`, input.feeRaw);
      }
      const cell = input.fee;
      if (cell.kind === 'none') {
        if (input.feeUnparsed && input.feeUnparsed.length > 0) {
          anyStated = true;
          this.metrics.feeStated++;
        }
        continue;
      }
      anyStated = true;
      this.metrics.feeStated++;
      if (cell.kind === 'free') {
        this.metrics.feeParsed += input.feeUnparsed?.length ? 0 : 1;
        if (noteSuggestsCharge(cell.note)) {
          this.warn('fee-free-with-note', field, `"Miễn phí", but the note speaks of a charge: "${oneLine(cell.note!).slice(0, 120)}".`, input.feeRaw);
          this.note('uncertain', `Nguồn ghi "Miễn phí" cho kênh ${input.kind} kèm chú thích: ${cell.note}`, '/fees');
        } else if (cell.note) {
          this.note('info', `Phí, lệ phí (kênh ${input.kind}): Miễn phí (${cell.note}).`, '/fees');
        }
        continue;
      }
      let allParsed = !input.feeUnparsed?.length;
      for (const item of cell.items) {
        if (item.amount === undefined) {
          allParsed = false;
          if (item.amountText) this.warn('fee-unparsed', field, `The amount "${oneLine(item.amountText).slice(0, 120)}" is not a number.`, input.feeRaw);
          else this.warn('fee-amount-missing', field, 'A fee is listed with no amount.', input.feeRaw);
          continue;
        }
        this.checkFeeItem(item, input, field);
        const key = JSON.stringify([item.kind, item.amount, item.currency, item.note ?? '', item.unit ?? '']);
        const entry = placed.get(key) ?? { item, kinds: [], tier: false };
        if (!entry.kinds.includes(input.kind)) entry.kinds.push(input.kind);
        if (cell.items.length > 1) entry.tier = true;
        placed.set(key, entry);
      }
      if (allParsed) this.metrics.feeParsed++;
      else if (cell.items.some((i) => i.amount === undefined)) this.note('uncertain', `Phí, lệ phí (kênh ${input.kind}) chưa đọc được số tiền: ${input.feeRaw ?? ''}`.trim(), '/fees');
    }
    const allKinds = inputs.map((i) => i.kind);
    const used = new Set<string>();
    const tierValues: NonNullable<FactDefinition['values']> = [];
    const fees: Fee[] = [];
    for (const { item, kinds, tier } of placed.values()) {
      const kind = item.kind ?? 'phi';
      const name = item.note && item.note.length <= 200 && /^(phí|lệ phí)\b/iu.test(item.note) ? item.note : FEE_KIND_VI[kind];
      const fee: Fee = { id: localId('', name === FEE_KIND_VI[kind] ? `${kind}-${item.amount}` : name, used), kind, name, amount: item.amount! };
      if (item.currency === 'USD') fee.currency = 'USD';
      if (item.unit) fee.unit = item.unit.slice(0, 100);
      if (kinds.length < allKinds.length) fee.channels = [...kinds];
      if (tier) {
        const value = `muc-${tierValues.length + 1}`;
        tierValues.push({ value, label: item.note ?? `${FEE_KIND_VI[kind]} ${item.amount} ${item.currency}` });
        fee.when = { fact: 'mucPhi', equals: value };
      }
      if (item.note && name !== item.note) fee.note = item.note;
      fees.push(fee);
    }
    if (tierValues.length > 0) {
      this.spec.facts = [...(this.spec.facts ?? []), { id: 'mucPhi', type: 'enum', label: 'Trường hợp áp dụng mức phí, lệ phí', values: tierValues }];
      this.warn('fee-tiers', inputs[0]?.field ?? 'fees', `${tierValues.length} fee lines are read as alternative cases (fact mucPhi); check that none of them is charged on top of another.`);
    }
    this.spec.fees = fees;
    if (!anyStated && inputs.length > 0) {
      this.note('uncertain', 'Nguồn không có thông tin về phí, lệ phí; danh sách phí để trống không có nghĩa là miễn phí.', '/fees');
      this.warn('fee-missing', inputs[0]!.field, 'No channel states a fee.');
    }
    if (inputs.length === 0) this.spec.fees = [];
  }

  private checkFeeItem(item: FeeItem, input: ChannelInput, field: string): void {
    if (item.letterO) this.warn('fee-letter-o', field, 'The amount is the letter "o"; read as 0.', input.feeRaw);
    if (item.kind === undefined) {
      this.warn('fee-kind-unknown', field, `The source does not say whether the fee of ${item.amount} ${item.currency} is a phí or a lệ phí; recorded as phí.`, input.feeRaw);
      this.note('uncertain', `Khoản ${item.amount} ${item.currency} (kênh ${input.kind}): nguồn không ghi là phí hay lệ phí.`, '/fees');
    }
    const inNote = amountsInNote(item.note);
    if (item.currency === 'VND' && /\bUSD\b/.test(item.note ?? '') && !/đồng|vnđ/iu.test(item.note ?? '')) {
      this.warn('fee-currency-contradiction', field, `The amount is in đồng but its note speaks of USD: "${oneLine(item.note!).slice(0, 120)}".`, input.feeRaw);
      this.note('uncertain', `Kênh ${input.kind}: số tiền ghi ${item.amount} VNĐ nhưng chú thích ghi USD.`, '/fees');
    }
    if (item.amount !== undefined && item.amount > 0 && item.amount < 1000 && item.currency === 'VND' && inNote.includes(item.amount * 1000)) {
      this.warn('fee-amount-in-thousands', field, `The amount ${item.amount} đồng looks like thousands: the note says ${item.amount * 1000}; the stated amount is kept.`, input.feeRaw);
      this.note('uncertain', `Kênh ${input.kind}: số tiền ghi ${item.amount} đồng, chú thích ghi ${item.amount * 1000} đồng.`, '/fees');
    }
  }

  setDossier(inputs: DocumentInput[], trailing?: string): void {
    const used = new Set<string>();
    const formIds = new Map<string, string>();
    const forms: Form[] = [];
    const documents: Document[] = [];
    let sets: number | undefined;
    for (const input of inputs) {
      const name = oneLine(input.name) === '' ? undefined : input.name.trim();
      if (input.counts) this.metrics.documentsWithCounts++;
      else if (input.countsRaw) {
        this.metrics.documentsWithCounts++;
        this.warn('document-counts-unparsed', input.field, `Copy counts "${oneLine(input.countsRaw)}" could not be read.`, input.countsRaw);
      }
      if (input.counts) this.metrics.countsParsed++;
      const zero = input.counts && input.counts.originals === 0 && input.counts.copies === 0;
      const setsHere = name ? parseSets(name) : undefined;
      if (zero && setsHere !== undefined) {
        sets = setsHere;
        this.metrics.notesFromDocuments++;
        continue;
      }
      if (zero && input.forms.length === 0 && name && (!input.present || looksLikeNote(name))) {
        // An explanation listed as a document with "0 bản chính": it is a note, not a paper.
        this.metrics.notesFromDocuments++;
        this.note('info', input.group ? `${input.group}: ${name}` : name, '/dossier');
        continue;
      }
      if (!name) {
        if (input.forms.length === 0) continue;
      }
      const docName = name ?? input.forms.join(', ');
      const doc: Document = { id: localId(DOC_PREFIX, docName, used), name: docName.slice(0, 20000), originals: input.counts?.originals ?? 0, copies: input.counts?.copies ?? 0 };
      if (!input.counts && !input.countsRaw) {
        this.note('uncertain', `Nguồn không ghi số lượng bản của giấy tờ "${oneLine(docName).slice(0, 200)}".`, `/dossier/documents/${documents.length}`);
      }
      if (doc.copies > 0 && mentionsCertifiedCopy(docName)) doc.certifiedCopy = true;
      if (input.present) doc.submission = 'present';
      else if (zero) this.warn('document-zero-count', input.field, `"${oneLine(docName).slice(0, 80)}" is listed with no original and no copy.`);
      if (input.formsGlued) this.warn('form-name-glued', input.field, 'A form file name is glued to the document name and could not be split off; the name keeps it.');
      for (const file of input.forms) {
        let id = formIds.get(file);
        if (!id) {
          id = localId('mau-', file.replace(/\.[a-z]+$/i, ''), used);
          formIds.set(file, id);
          forms.push({ id, name: file.slice(0, 20000) });
        }
        if (!doc.form) doc.form = id;
        else doc.note = doc.note ? `${doc.note}; mẫu: ${file}` : `Mẫu: ${file}`;
      }
      if (input.group) doc.note = doc.note ? `${input.group}; ${doc.note}` : input.group;
      documents.push(doc);
    }
    const dossier: NonNullable<ProcedureVersion['dossier']> = { documents };
    if (sets !== undefined && sets >= 1) dossier.sets = sets;
    if (trailing) dossier.note = trailing.slice(0, 20000);
    this.spec.dossier = dossier;
    if (forms.length > 0) this.spec.forms = forms;
  }

  /**
   * Every part the schema requires, filled where the source leaves it out: from what the record
   * itself says where it says it (warned, with the evidence), else with the explicit "Chưa xác
   * định" value and a note of kind uncertain. The draft validates; publishing refuses it.
   */
  private completeRequired(): void {
    const spec = this.spec;
    if (!spec.name) {
      this.spec.name = { vi: NOT_STATED_VI };
      this.notStatedPart('/name', 'name', 'tên thủ tục');
    }
    if (spec.kind === undefined) this.setKind(undefined, 'kind');
    if (!spec.agencies || spec.agencies.implementing.length === 0) {
      const field = this.agencyField ?? 'agencies';
      const named = this.stepsText ? agenciesMentioned(this.stepsText) : [];
      const base = spec.agencies ?? { implementing: [] };
      if (named.length > 0) {
        const best = named[0]!;
        const others = named.slice(1, 4).map((n) => `${n.name} (${n.count})`);
        spec.agencies = { ...base, implementing: [this.agency(best.name)] };
        this.warn('agency-from-steps', field, `No implementing agency is stated; the steps name "${best.name}" ${best.count} time(s)${others.length ? `, also ${others.join(', ')}` : ''}; it is used.`);
        this.note('uncertain', `Cơ quan thực hiện suy ra từ trình tự thực hiện ("${best.name}"); nguồn không ghi.`, '/agencies/implementing');
      } else {
        this.needs.agencies.push({ ...NOT_STATED_AGENCY });
        spec.agencies = { ...base, implementing: [NOT_STATED_ID] };
        this.notStatedPart('/agencies/implementing', field, 'cơ quan thực hiện');
      }
    }
    if (!spec.levels || spec.levels.length === 0) {
      const names = [...(spec.agencies?.implementing ?? []), ...(spec.agencies?.competent ?? [])]
        .map((id) => this.needs.agencies.find((a) => a.id === id)?.name)
        .filter((n): n is string => n !== undefined && n !== NOT_STATED_VI);
      const ids = [...new Set(names.map(levelFromAgency).filter((l): l is string => l !== undefined))];
      if (ids.length > 0) {
        const order = IMPORT_LEVELS.map((l) => l.id);
        ids.sort((a, b) => order.indexOf(a) - order.indexOf(b));
        spec.levels = ids;
        for (const id of ids) this.needs.levels.push(IMPORT_LEVELS.find((l) => l.id === id)!);
        this.warn('level-inferred', 'levels', `No level is stated; ${ids.join(', ')} is read from the agency name (${names.join('; ').slice(0, 200)}).`);
        this.note('uncertain', `Cấp thực hiện suy ra từ tên cơ quan (${names.join('; ').slice(0, 500)}); nguồn không ghi.`, '/levels');
      } else {
        spec.levels = [NOT_STATED_ID];
        this.needs.levels.push({ ...NOT_STATED_LEVEL });
        this.notStatedPart('/levels', 'levels', 'cấp thực hiện');
      }
    }
    if (!spec.field) {
      spec.field = NOT_STATED_ID;
      this.needs.fields.push({ ...NOT_STATED_FIELD });
      this.notStatedPart('/field', 'field', 'lĩnh vực');
    }
    if (!spec.subjects || spec.subjects.length === 0) {
      spec.subjects = [{ kind: 'other', label: `${NOT_STATED_VI} (nguồn không ghi đối tượng thực hiện)` }];
      this.notStatedPart('/subjects', 'subjects', 'đối tượng thực hiện');
    }
    if (!spec.results || spec.results.length === 0) {
      spec.results = [{ name: `${NOT_STATED_VI} (nguồn không ghi kết quả thực hiện)` }];
      this.notStatedPart('/results', 'results', 'kết quả thực hiện');
    }
    if (!spec.dossier || spec.dossier.documents.length === 0) {
      const note = spec.dossier?.note;
      spec.dossier = {
        ...(spec.dossier ?? {}),
        documents: [{ id: 'gt-chua-xac-dinh', name: note ? `${NOT_STATED_VI} (thành phần hồ sơ chưa tách được; xem ghi chú của hồ sơ)` : `${NOT_STATED_VI} (nguồn không ghi thành phần hồ sơ)`, originals: 0, copies: 0 }],
      };
      this.notStatedPart('/dossier/documents', 'dossier', 'thành phần hồ sơ');
    }
    if (spec.timeLimit === undefined) {
      spec.timeLimit = null;
      this.note('uncertain', 'Nguồn không ghi thời hạn giải quyết.', '/timeLimit');
      this.warn('time-missing', 'timeLimit', 'No time limit is stated.');
    }
    spec.steps ??= [];
    spec.channels ??= [];
    spec.fees ??= [];
    spec.legalBasis ??= [];
  }

  private notStatedPart(pointer: string, field: string, what: string): void {
    this.warn('part-not-stated', field, `The source states no ${pointer.slice(1)} and nothing in the record says it; written as "${NOT_STATED_VI}" (to fill in before publishing).`);
    this.note('uncertain', `Nguồn không ghi ${what}: ghi "${NOT_STATED_VI}", cần bổ sung trước khi công bố.`, pointer);
  }

  finish(source: unknown, file: string, extra: { url?: string; announcedBy?: string } = {}): RecordOutcome {
    this.completeRequired();
    for (const w of this.warnings) if (!w.code && this.code) w.code = this.code;
    const spec = { ...this.spec } as Omit<ProcedureVersion, 'version' | 'status'>;
    if (this.notes.length > 0) spec.notes = dedupeNotes(this.notes);
    spec.source = { format: this.format, file };
    if (extra.url) spec.source.url = extra.url;
    if (extra.announcedBy) spec.source.announcedBy = extra.announcedBy.slice(0, 500);
    if (Object.keys(this.raw).length > 0) spec.source.raw = Object.fromEntries(Object.entries(this.raw).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { status: 'parsed', record: this.record, format: this.format, spec: orderKeys(spec), needs: this.needs, warnings: this.warnings, metrics: this.metrics, source };
  }
}

/** An explanation rather than a paper: "Trường hợp …", "Lưu ý …", or a long sentence. */
function looksLikeNote(name: string): boolean {
  return /^[*+\-–•\s]*(trường hợp|lưu ý|ghi chú|nếu|đối với|người (có yêu cầu|đi đăng ký))/iu.test(name) || name.length > 200;
}

function dedupeNotes(notes: Note[]): Note[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.kind}|${n.pointer ?? ''}|${n.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The schema's property order, so every imported file reads the same way. */
const KEY_ORDER = ['code', 'version', 'status', 'effective', 'supersedes', 'name', 'kind', 'field', 'levels', 'subjects', 'agencies', 'steps', 'channels', 'dossier', 'timeLimit', 'fees', 'forms', 'requirements', 'results', 'legalBasis', 'facts', 'notes', 'source'];

export function orderKeys<T extends object>(spec: T): T {
  const entries = Object.entries(spec).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (KEY_ORDER.indexOf(a) === -1 ? 99 : KEY_ORDER.indexOf(a)) - (KEY_ORDER.indexOf(b) === -1 ? 99 : KEY_ORDER.indexOf(b)));
  return Object.fromEntries(entries) as T;
}
