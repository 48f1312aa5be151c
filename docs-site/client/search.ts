/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The search box on the home page. Loads search/meta.json, then only the index shards of the
 * terms typed and the pages of the procedures shown, so it stays instant for a catalogue of any
 * size. Every term must match (prefix matches count, so results appear while typing); results are
 * ranked by MiniSearch's BM25 scores summed over the terms.
 */
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, shardFile, type SearchDoc, type SearchMeta } from './tokens.js';
import { findCodes, queryTerms } from './query.js';

const PAGE = 20;
const FILTERS = ['level', 'field', 'agency', 'online', 'channel', 'fee'] as const;
type Filter = (typeof FILTERS)[number];

const CHANNEL_VI: Record<string, string> = { 'in-person': 'Trực tiếp', online: 'Trực tuyến', postal: 'Qua dịch vụ bưu chính' };
const STATE_VI: Record<string, string> = { 'not-yet-in-force': 'chưa có hiệu lực', repealed: 'đã bãi bỏ', lapsed: 'hết hiệu lực', draft: 'dự thảo, chưa công bố' };

function fetchJson<T>(url: string): Promise<T> {
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json() as Promise<T>;
  });
}

function matches(doc: SearchDoc, filters: Partial<Record<Filter, string>>): boolean {
  if (filters.level && !doc.l.includes(filters.level)) return false;
  if (filters.field && doc.f !== filters.field) return false;
  if (filters.agency && !doc.a.includes(filters.agency)) return false;
  if (filters.channel && !doc.ch.includes(filters.channel)) return false;
  if (filters.online && (filters.online === 'none' ? doc.o !== '' : doc.o !== filters.online)) return false;
  if (filters.fee && (filters.fee === 'free') !== doc.free) return false;
  return true;
}

function start(root: HTMLElement): void {
  const base = root.dataset.root ?? 'search/';
  const pages = root.dataset.pages ?? 'procedures/';
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  form.hidden = false;

  let meta: Promise<SearchMeta> | undefined;
  const shards = new Map<string, Promise<MiniSearch>>();
  const docPages = new Map<string, Promise<Map<string, SearchDoc>>>();
  const loadMeta = () => (meta ??= fetchJson<SearchMeta>(`${base}meta.json`));
  const loadShard = (key: string) => {
    let p = shards.get(key);
    if (!p) {
      p = fetch(`${base}terms/${shardFile(key)}.json`)
        .then((r) => r.text())
        .then((text) => MiniSearch.loadJSON(text, { ...MINISEARCH_OPTIONS, fields: [...MINISEARCH_OPTIONS.fields] }));
      shards.set(key, p);
    }
    return p;
  };
  const loadPage = (file: string) => {
    let p = docPages.get(file);
    if (!p) {
      p = fetchJson<{ docs: SearchDoc[] }>(`${base}docs/${file}.json`).then((page) => new Map(page.docs.map((d) => [d.c, d])));
      docPages.set(file, p);
    }
    return p;
  };
  const pageOf = (m: SearchMeta, code: string) => {
    let best: SearchMeta['pages'][number] | undefined;
    for (const p of m.pages) if (code.startsWith(p.prefix) && (!best || p.prefix.length > best.prefix.length)) best = p;
    return best;
  };

  let run = 0;
  let shown: { m: SearchMeta; codes: string[] | undefined; filters: Partial<Record<Filter, string>>; next: number; pageIndex: number; total: number | undefined } | undefined;

  function item(m: SearchMeta, d: SearchDoc): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `${pages}${d.c}.html`;
    a.textContent = d.n;
    li.append(a);
    const info = document.createElement('div');
    info.className = 'muted';
    const bits = [`Mã ${d.c}`, m.names.field[d.f] ?? '', d.l.map((l) => m.names.level[l] ?? l).join(', '), d.ch.map((c) => CHANNEL_VI[c] ?? c).join(', '), d.free ? 'Miễn phí' : ''].filter(Boolean);
    info.textContent = bits.join(' · ');
    if (d.s) {
      const tag = document.createElement('span');
      tag.className = 'tag cond';
      tag.textContent = STATE_VI[d.s] ?? d.s;
      info.append(' ', tag);
    }
    li.append(info);
    return li;
  }

  /** Appends up to PAGE more results, loading only the pages they are on. */
  async function fill(token: number): Promise<void> {
    const s = shown!;
    let added = 0;
    if (s.codes) {
      while (s.next < s.codes.length && added < PAGE) {
        const code = s.codes[s.next++]!;
        const page = pageOf(s.m, code);
        const doc = page ? (await loadPage(page.file)).get(code) : undefined;
        if (token !== run) return;
        if (doc && matches(doc, s.filters)) {
          list.append(item(s.m, doc));
          added++;
        }
      }
      more.hidden = s.next >= s.codes.length;
    } else {
      // Filters alone: walk the pages in code order.
      outer: while (s.pageIndex < s.m.pages.length) {
        const docs = [...(await loadPage(s.m.pages[s.pageIndex]!.file)).values()];
        if (token !== run) return;
        while (s.next < docs.length) {
          const doc = docs[s.next++]!;
          if (matches(doc, s.filters)) {
            list.append(item(s.m, doc));
            if (++added >= PAGE) break outer;
          }
        }
        s.pageIndex++;
        s.next = 0;
      }
      more.hidden = s.pageIndex >= s.m.pages.length;
    }
    const count = list.children.length;
    if (count === 0) status.textContent = 'Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.';
    else if (s.total !== undefined && Object.keys(s.filters).length === 0) status.textContent = `Tìm thấy ${s.total} thủ tục${s.total > count ? `, đang hiển thị ${count}` : ''}.`;
    else status.textContent = `Đang hiển thị ${count} thủ tục phù hợp${more.hidden ? '' : ' đầu tiên'}.`;
  }

  async function update(): Promise<void> {
    const token = ++run;
    const filters: Partial<Record<Filter, string>> = {};
    for (const name of FILTERS) {
      const value = (form.elements.namedItem(name) as HTMLSelectElement | null)?.value;
      if (value) filters[name] = value;
    }
    const terms = queryTerms(input.value);
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const [k, v] of Object.entries(filters)) params.set(k, v);
    history.replaceState(null, '', params.size > 0 ? `?${params}` : location.pathname);
    if (terms.length === 0 && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      return;
    }
    status.textContent = 'Đang tìm…';
    try {
      const m = await loadMeta();
      const codes = await findCodes(m, terms, loadShard);
      if (token !== run) return;
      shown = { m, codes, filters, next: 0, pageIndex: 0, total: codes?.length };
      list.replaceChildren();
      await fill(token);
    } catch {
      if (token === run) status.textContent = 'Không tải được dữ liệu tìm kiếm. Hãy tải lại trang.';
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 80);
  };
  input.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void update();
  });
  input.addEventListener('focus', () => void loadMeta(), { once: true });
  more.addEventListener('click', () => void fill(run));

  const params = new URLSearchParams(location.search);
  const q = params.get('q');
  if (q) input.value = q;
  for (const name of FILTERS) {
    const select = form.elements.namedItem(name) as HTMLSelectElement | null;
    const value = params.get(name);
    if (select && value) select.value = value;
  }
  if (params.size > 0) void update();
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);
