/**
 * Provincial lists (danh mục TTHC của tỉnh) and one-stop exports (hệ thống một cửa): tables with a
 * row per procedure the province performs. The header, when there is one, sits under letterhead
 * rows and names its columns in any case and wording (Mã TTHC, Mã số, Mã thủ tục; Tên TTHC; Lĩnh
 * vực; Cơ quan thực hiện; Mức độ DVC; Quyết định công bố); a headerless export is read by what its
 * columns hold (codes, names, agencies). Each row becomes a row of a provincial list
 * (rules/schema/provincial-list.schema.json), with every repair and every row kept apart said.
 */
import { foldVietnamese } from '../../text/vi/words.js';
import type { ListEntry, OnlineLevel, ProvincialList } from '../../schema/types/provincial-list.generated.js';
import { classifyListCode, isTestRow, type ListCode } from '../list-codes.js';
import { cleanText, oneLine } from '../text.js';
import type { Table } from './list-table.js';

export type ColumnRole = 'code' | 'localCode' | 'name' | 'nationalName' | 'field' | 'agency' | 'onlineLevel' | 'decision';

export interface ColumnChoice {
  index: number;
  /** The header cell as written; absent for a headerless file. */
  header?: string;
  role: ColumnRole | 'ignored';
  /** How the role was chosen: by the header's words, or by what the cells hold. */
  by: 'header' | 'content';
}

export interface ListWarning {
  /** `file:line` (or `file#sheet!row`). */
  record: string;
  kind: 'list-code-repaired' | 'list-fragment' | 'list-internal-code' | 'list-no-code' | 'list-test-row' | 'list-duplicate' | 'list-line-joined' | 'list-name-joined' | 'list-code-from-local' | 'list-level-unknown';
  message: string;
}

export interface ReadList {
  list: ProvincialList;
  columns: ColumnChoice[];
  /** The header row's line, when there is one. */
  headerLine: number | undefined;
  warnings: ListWarning[];
}

/** What a header cell says, folded: "Mã số TTHC" → "ma so tthc", "TEN_THU_TUC" → "ten thu tuc". */
function fold(text: string): string {
  return foldVietnamese(oneLine(text)).replace(/[_\-./():*]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The role a header names, or ignored for a header we know and do not need (STT, QR code), or undefined for text that is no header. */
export function roleOfHeader(cell: string): ColumnRole | 'ignored' | undefined {
  const h = fold(cell);
  if (h === '') return undefined;
  if (/^(stt|so tt|tt|so thu tu|rnum|id|qr|ma qr|qr code|trang thai( tt)?|map|ghi chu)$/.test(h) || /\bqr\b/.test(h)) return 'ignored';
  if (/\b(dia phuong|noi bo|mot cua|he thong)\b/.test(h) && /^ma\b/.test(h)) return 'localCode';
  if (/^(ma|code|ma so|so ho so)( (so|ho so))?( (tthc|thu tuc( hanh chinh)?|quoc gia|csdl( quoc gia)?))*$/.test(h) || h === 'ma thu tuc' || h === 'ma tthc') return 'code';
  if (/^(ten|name|ten thu tuc|ten tthc)( (tthc|thu tuc( hanh chinh)?|day du|quoc gia))*$/.test(h)) return 'name';
  if (/^ten tat$/.test(h)) return 'ignored';
  if (/^(linh vuc|field|nhom linh vuc)( thuc hien)?$/.test(h)) return 'field';
  if (/^(co quan (thuc hien|giai quyet|tiep nhan)|don vi( thuc hien| giai quyet)?|org|agency|ten co quan|co quan|cap thuc hien|noi thuc hien|dia diem thuc hien)$/.test(h)) return 'agency';
  if (/co quan ban hanh/.test(h)) return 'ignored';
  if (/^(muc do( dvc| dich vu cong)?( truc tuyen)?|level|dvc( truc tuyen)?|dich vu cong( truc tuyen)?|muc do cung cap( dvc)?( truc tuyen)?)$/.test(h)) return 'onlineLevel';
  if (/quyet dinh( cong bo)?|^qd( cong bo)?$|^so qd|decision/.test(h)) return 'decision';
  return undefined;
}

const HEADER_SCAN = 30;

/** The header row: the first of the top rows where two cells name roles, one of them the code or the name. */
function findHeader(table: Table): number | undefined {
  for (let i = 0; i < Math.min(HEADER_SCAN, table.rows.length); i++) {
    const roles = table.rows[i]!.cells.map(roleOfHeader).filter((r): r is ColumnRole | 'ignored' => r !== undefined && r !== 'ignored');
    if (roles.length >= 2 && (roles.includes('code') || roles.includes('name'))) return i;
  }
  return undefined;
}

const AGENCY_START = /^(so|ubnd|uy ban|ban|bao hiem|cong an|chi cuc|cuc|van phong|trung tam|phong|thanh tra|kho bac|cuc thue|chi nhanh|hoi dong|s\u1edf)\b/;
const LEVEL_WORDS = /^(toan trinh|mot phan|con lai|muc do [1-4]|muc [1-4]|dvc (toan trinh|mot phan))$/;
const DECISION = /[0-9]+\s*\/\s*(qd|quyet dinh)|^quyet dinh so\b/;
const INTERNAL_TOKEN = /^[0-9A-Za-z][0-9A-Za-z._\-/]{1,40}$/;
/** AGENCY_START's longest word and the character after it fit well inside this many characters of a cell. */
const AGENCY_PREFIX = 40;
/** Longer than any of LEVEL_WORDS, folded or not. */
const LEVEL_MAX = 40;

/** Roles for a headerless table, from what most of each column's non-empty cells hold. */
function rolesByContent(rows: string[][]): ColumnChoice[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const stats = Array.from({ length: width }, (_, c) => {
    const values = rows.map((r) => cleanText(r[c] ?? '')).filter((v) => v !== '');
    const share = (test: (v: string) => boolean) => (values.length === 0 ? 0 : values.filter(test).length / values.length);
    return {
      c,
      filled: values.length / Math.max(1, rows.length),
      national: share((v) => classifyListCode(v).kind === 'national' && !/\s/.test(v)),
      token: share((v) => INTERNAL_TOKEN.test(v) && /[0-9]/.test(v) && /[._A-Za-z]/.test(v)),
      numeric: share((v) => /^[0-9]+$/.test(v)),
      // Folding is most of this: an agency's first words need only the cell's start folded, a level word
      // is short (folding never lengthens a text), and the decision test folds each cell once.
      agency: share((v) => AGENCY_START.test(foldVietnamese(v.length > AGENCY_PREFIX ? v.slice(0, AGENCY_PREFIX) : v))),
      level: share((v) => v.length <= LEVEL_MAX && LEVEL_WORDS.test(fold(v))),
      decision: share((v) => DECISION.test(fold(v).replace(/ /g, ''))),
      words: share((v) => v.split(/\s+/).length >= 3),
      length: values.reduce((n, v) => n + v.length, 0) / Math.max(1, values.length),
      distinct: new Set(values).size,
    };
  });
  const roles = new Map<number, ColumnRole>();
  const free = (s: (typeof stats)[number]) => !roles.has(s.c) && s.filled > 0;
  const take = (role: ColumnRole, pick: (typeof stats)[number] | undefined) => {
    if (pick) roles.set(pick.c, role);
  };
  const codeCols = stats.filter((s) => free(s) && (s.national > 0.2 || s.token > 0.6) && s.numeric < 0.5);
  const code = [...codeCols].sort((a, b) => b.national * b.filled - a.national * a.filled || a.c - b.c)[0];
  take('code', code && code.national > 0 ? code : undefined);
  take('localCode', codeCols.filter(free).sort((a, b) => b.token - a.token || a.c - b.c)[0]);
  take('agency', stats.filter((s) => free(s) && s.agency > 0.6).sort((a, b) => b.agency - a.agency || a.c - b.c)[0]);
  take('onlineLevel', stats.filter((s) => free(s) && s.level > 0.6)[0]);
  take('decision', stats.filter((s) => free(s) && s.decision > 0.5)[0]);
  // Names: text of several words, long, and varied (a status column repeats a few values).
  const names = stats.filter((s) => free(s) && s.words > 0.6 && s.length > 15 && s.distinct > 5).sort((a, b) => a.c - b.c);
  take('name', names[0]);
  take('nationalName', names[1]);
  return Array.from({ length: width }, (_, c) => ({ index: c, role: roles.get(c) ?? 'ignored', by: 'content' as const }));
}

/** Roles from the header row; two code columns: the one holding more national codes is the code, the other the local code. */
function rolesByHeader(header: string[], body: string[][]): ColumnChoice[] {
  const choices: ColumnChoice[] = header.map((cell, index) => ({ index, header: cleanText(cell), role: roleOfHeader(cell) ?? 'ignored', by: 'header' as const }));
  const national = (c: number) => body.filter((r) => classifyListCode(r[c] ?? '').kind === 'national').length;
  const codes = choices.filter((c) => c.role === 'code');
  if (codes.length > 1) {
    const sorted = [...codes].sort((a, b) => national(b.index) - national(a.index) || a.index - b.index);
    sorted.slice(1).forEach((c, i) => (c.role = i === 0 ? 'localCode' : 'ignored'));
  }
  const names = choices.filter((c) => c.role === 'name');
  names.slice(1).forEach((c, i) => (c.role = i === 0 ? 'nationalName' : 'ignored'));
  for (const role of ['field', 'agency', 'onlineLevel', 'decision', 'localCode'] as const) choices.filter((c) => c.role === role).slice(1).forEach((c) => (c.role = 'ignored'));
  return choices;
}

/** NĐ 42/2022: toàn trình (old level 4), một phần (level 3); còn lại and levels 1–2 are not online services. */
export function onlineLevelOf(text: string): OnlineLevel | undefined {
  const t = fold(text);
  if (/toan trinh|muc( do)? 4\b/.test(t)) return 'full';
  if (/mot phan|muc( do)? 3\b/.test(t)) return 'partial';
  if (/con lai|muc( do)? [12]\b|^khong$|truc tiep/.test(t)) return 'none';
  return undefined;
}

/** Reads one table as a provincial list. `source` names the file in records and in the list. */
export function readProvincialList(table: Table, source: string): ReadList {
  const warnings: ListWarning[] = [];
  const where = (line: number) => (table.sheet ? `${source}#${table.sheet}!${line}` : `${source}:${line}`);
  const headerAt = findHeader(table);
  const body = table.rows.slice(headerAt === undefined ? 0 : headerAt + 1);
  const columns = headerAt === undefined ? rolesByContent(body.map((r) => r.cells)) : rolesByHeader(table.rows[headerAt]!.cells, body.map((r) => r.cells));
  const col = (role: ColumnRole) => columns.find((c) => c.role === role)?.index;
  const at = { code: col('code'), localCode: col('localCode'), name: col('name'), nationalName: col('nationalName'), field: col('field'), agency: col('agency'), onlineLevel: col('onlineLevel'), decision: col('decision') };
  for (const line of table.joined) warnings.push({ record: where(line), kind: 'list-line-joined', message: 'A line break cut this record in two; the parts were joined with a space.' });

  const cell = (cells: string[], i: number | undefined) => (i === undefined ? '' : oneLine(cleanText(cells[i] ?? '')));
  const entries: ListEntry[] = [];
  const internal: ListEntry[] = [];
  const tests: ListEntry[] = [];
  let previous: ListEntry | undefined;
  for (const row of body) {
    const cells = row.cells;
    if (cells.every((c) => cleanText(c ?? '') === '')) continue;
    const name = cell(cells, at.name);
    const codeText = cell(cells, at.code);
    const localText = cell(cells, at.localCode);
    // A name that runs on into the next row, with nothing else on it, belongs to the row above.
    const others = cells.filter((c, i) => i !== at.name && cleanText(c ?? '') !== '');
    if (previous && name && others.length === 0 && !codeText && !localText && !isTestRow(name)) {
      previous.name = `${previous.name} ${name}`;
      warnings.push({ record: where(row.line), kind: 'list-name-joined', message: `This row holds only the rest of the name of the row above: joined ("…${name.slice(0, 60)}").` });
      continue;
    }
    if (!name && !codeText && !localText) {
      warnings.push({ record: where(row.line), kind: 'list-fragment', message: `A piece of a record with neither name nor code (${cells.filter((c) => cleanText(c ?? '') !== '').map((c) => oneLine(c).slice(0, 40)).join(' | ')}): the rest is not in the file; skipped.` });
      continue;
    }
    let code: ListCode = classifyListCode(codeText);
    const local = classifyListCode(localText);
    if (code.kind !== 'national' && local.kind === 'national') {
      warnings.push({ record: where(row.line), kind: 'list-code-from-local', message: `No national code in the code column${codeText ? ` ("${codeText}")` : ''}; the local code ${localText} is one.` });
      code = local;
    }
    if (code.kind === 'national' && code.repairs.length > 0) {
      warnings.push({ record: where(row.line), kind: 'list-code-repaired', message: `${code === local ? localText : codeText} → ${code.code}: ${code.repairs.join(', ')}.` });
    }
    const entry: ListEntry = { line: row.line, name: name || '(không có tên)' };
    if (code.kind === 'national') {
      entry.baseline = code.baseline;
      entry.code = code.code;
      if (code.suffix) entry.suffix = code.suffix;
    }
    const localCode = local.kind === 'none' ? (code.kind === 'internal' ? code.code : undefined) : local.code;
    if (localCode && localCode !== entry.code) entry.localCode = localCode;
    const nationalName = cell(cells, at.nationalName);
    if (nationalName && nationalName !== name) entry.nationalName = nationalName;
    for (const key of ['field', 'agency', 'decision'] as const) {
      const v = cell(cells, at[key]);
      if (v) entry[key] = v;
    }
    const levelText = cell(cells, at.onlineLevel);
    if (levelText) {
      const level = onlineLevelOf(levelText);
      entry.onlineLevel = level ?? 'unknown';
      entry.onlineLevelText = levelText;
      if (!level) warnings.push({ record: where(row.line), kind: 'list-level-unknown', message: `Online level "${levelText}" is none of toàn trình, một phần, còn lại or mức độ 1–4.` });
    }
    if (isTestRow(name, `${codeText} ${localText}`)) {
      tests.push(entry);
      warnings.push({ record: where(row.line), kind: 'list-test-row', message: `A test row, not a procedure: "${name}"${codeText || localText ? ` (${codeText || localText})` : ''}; kept apart.` });
    } else if (code.kind === 'national') {
      entries.push(entry);
    } else {
      internal.push(entry);
      warnings.push(
        localCode
          ? { record: where(row.line), kind: 'list-internal-code', message: `Internal code ${localCode} with no national code: kept apart, not matched to any national procedure.` }
          : { record: where(row.line), kind: 'list-no-code', message: `No code at all for "${name.slice(0, 80)}": kept apart.` },
      );
    }
    previous = entry;
  }

  // The same procedure listed again: by its code (national, else local), once per district or agency.
  const groups = new Map<string, ListEntry[]>();
  for (const e of [...entries, ...internal]) {
    // A trailing dot on an internal code is the same code (2020.TGTN.01. and 2020.TGTN.01).
    const key = e.code ?? (e.localCode ? `local:${e.localCode.replace(/[.\s]+$/, '')}` : undefined);
    if (key) groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const duplicates: ProvincialList['duplicates'] = [];
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const agencies = [...new Set(group.map((e) => e.agency ?? ''))];
    duplicates.push({ code: key.replace(/^local:/, ''), lines: group.map((e) => e.line), perAgency: agencies.length === group.length && !agencies.includes('') });
    warnings.push({
      record: where(group[0]!.line),
      kind: 'list-duplicate',
      message: `${key.replace(/^local:/, '')} is listed ${group.length} times (lines ${group.map((e) => e.line).join(', ')})${agencies.length === group.length && !agencies.includes('') ? ', once per agency' : ''}.`,
    });
  }
  duplicates.sort((a, b) => a.lines[0]! - b.lines[0]!);

  const provinces = new Map<string, number>();
  for (const e of entries) {
    const p = e.suffix ? /(?:^|\.)(H[0-9]{2})$/.exec(e.suffix)?.[1] : undefined;
    if (p) provinces.set(p, (provinces.get(p) ?? 0) + 1);
  }
  const province = [...provinces].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const list: ProvincialList = {
    ...(province ? { province } : {}),
    source: {
      file: source,
      encoding: table.encoding,
      ...(table.delimiter ? { delimiter: table.delimiter } : {}),
      ...(table.sheet ? { sheet: table.sheet } : {}),
      ...(headerAt !== undefined ? { headerLine: table.rows[headerAt]!.line } : {}),
      columns: columns.filter((c) => c.role !== 'ignored').map((c) => ({ column: c.index + 1, role: c.role as ColumnRole, by: c.by, ...(c.header ? { header: c.header } : {}) })),
    },
    rows: entries,
    ...(internal.length > 0 ? { internal } : {}),
    ...(tests.length > 0 ? { tests } : {}),
    ...(duplicates.length > 0 ? { duplicates } : {}),
  };
  return { list, columns, headerLine: headerAt === undefined ? undefined : table.rows[headerAt]!.line, warnings };
}
