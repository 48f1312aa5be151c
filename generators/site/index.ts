/**
 * The public site (site/): home and search, a page per procedure for citizens with the due-date
 * calculator, the online form preview and the version history with each change, browse pages by field and agency, the
 * legal-document registry, the simplification dashboard and pages for developers. One unit per
 * page or small group of pages, keyed by what it shows, so a change to one procedure re-renders
 * its own pages, the listings and index shards it appears in, and nothing else.
 */
import { canonicalJson, sha256Hex } from '../../rules/load/canonical.js';
import { calendarsOf } from '../../rules/load/calendar-file.js';
import { CHANNEL_VI, ONLINE_SERVICE_VI } from '../../rules/text/vi/channels.js';
import { formatDate } from '../../rules/text/vi/dates.js';
import { compareVietnamese } from '../../rules/text/vi/words.js';
import type { BuildContext, ProcedureEntry } from '../engine/context.js';
import { hashParts } from '../engine/context.js';
import { formVersions, href, PATHS } from '../engine/paths.js';
import type { Generator, OutputFile, Unit } from '../engine/unit.js';
import { citingProcedures, groupHash, groupsBy, renderFieldIndex, renderGroupPage, renderLegalIndex, renderLegalPage, rowKey } from './browse.js';
import { bundle, bundleInputs, SCRIPTS } from './bundle.js';
import { renderDashboard } from './dashboard.js';
import { renderDevelopers, renderRulePages, renderSchemaPages } from './developers.js';
import { docsUnits } from './docs.js';
import { link, sitePage } from './layout.js';
import { SITE_PATHS } from './paths.js';
import { renderProcedurePage, type CalendarRef } from './procedure.js';
import { renderMethodPage } from './history.js';
import { searchUnits } from './search-index.js';
import { docsSiteText } from './sources.js';
import { home } from './templates.generated.js';

/** The calendar the calculator counts on: the catalogue's "vn" calendar, or its only one. */
function siteCalendar(ctx: BuildContext): { id: string; from: number; to: number; data: object } | undefined {
  const calendars = calendarsOf(ctx.catalogue);
  const chosen = calendars.get('vn') ?? (calendars.size === 1 ? [...calendars.values()][0] : undefined);
  return chosen ? { id: chosen.data.id, from: chosen.data.supported.from, to: chosen.data.supported.to, data: chosen.data } : undefined;
}

/** Inputs that every diff depends on besides the versions: hourly incomes and cost-estimation parameters. */
function costInputsHash(ctx: BuildContext): string {
  const r = ctx.catalogue.registry;
  return sha256Hex(canonicalJson([[...r.hourlyIncomes.byId.entries()].sort(), [...r.costEstimations.byId.entries()].sort()]));
}

/** What every procedure's pages share, worked out once per build context. */
const shared = new WeakMap<BuildContext, { cost: () => string; calendar: CalendarRef | undefined }>();

function procedureUnits(ctx: BuildContext, entry: ProcedureEntry): Unit[] {
  let common = shared.get(ctx);
  if (!common) {
    const calendar = siteCalendar(ctx);
    let cost: string | undefined;
    common = { cost: () => (cost ??= costInputsHash(ctx)), calendar: calendar ? { id: calendar.id, from: calendar.from, to: calendar.to } : undefined };
    shared.set(ctx, common);
  }
  const { cost, calendar } = common;
  // Worked out only when asked for: the build's plan needs it, a render worker does not.
  let inputs: string | undefined;
  return [
    {
      key: `procedure/${entry.code}`,
      get inputs() {
        return (inputs ??= hashParts([ctx.entryHash(entry), cost(), calendar ? `${calendar.id}:${calendar.from}-${calendar.to}` : '', ctx.options.baseUrl ?? '']));
      },
      render: () => {
        const files: OutputFile[] = [renderProcedurePage(ctx, entry, calendar)];
        return files;
      },
      procedure: entry.code,
    },
  ];
}

const FILTER_LABELS = { level: 'Cấp thực hiện', field: 'Lĩnh vực', agency: 'Cơ quan thực hiện', online: 'Dịch vụ công trực tuyến', channel: 'Cách nộp hồ sơ', fee: 'Phí, lệ phí' } as const;

function homeUnit(ctx: BuildContext, fields: ReturnType<typeof groupsBy>, agencies: ReturnType<typeof groupsBy>): Unit {
  const path = SITE_PATHS.home;
  const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => compareVietnamese(a.name, b.name));
  const levels = new Map<string, string>();
  const channels = new Set<string>();
  for (const e of ctx.procedures) {
    for (const l of e.shown.data.levels ?? []) levels.set(l, ctx.levelName(l));
    for (const c of e.shown.data.channels ?? []) channels.add(c.kind);
  }
  const options = (entries: [string, string][]) => entries.map(([value, label]) => ({ value, label }));
  const model = {
    count: ctx.procedures.length,
    at: formatDate(ctx.at),
    // A preview must never pass for the published catalogue.
    drafts: ctx.options.preview ? ctx.procedures.filter((e) => e.state === 'draft').length : 0,
    filters: [
      { id: 'level', label: FILTER_LABELS.level, options: options([...levels].sort(([, a], [, b]) => compareVietnamese(a, b))) },
      { id: 'field', label: FILTER_LABELS.field, options: options(byName(fields).map((g) => [g.id, g.name])) },
      { id: 'agency', label: FILTER_LABELS.agency, options: options(byName(agencies).map((g) => [g.id, g.name])) },
      { id: 'online', label: FILTER_LABELS.online, options: options([['full', ONLINE_SERVICE_VI.full], ['partial', ONLINE_SERVICE_VI.partial], ['none', 'Không nộp trực tuyến']]) },
      { id: 'channel', label: FILTER_LABELS.channel, options: options((['in-person', 'online', 'postal'] as const).filter((c) => channels.has(c)).map((c) => [c, CHANNEL_VI[c]])) },
      { id: 'fee', label: FILTER_LABELS.fee, options: options([['free', 'Miễn phí'], ['paid', 'Có thu phí, lệ phí']]) },
    ],
    fields: byName(fields).map((g) => ({ href: link(path, SITE_PATHS.field(g.id)), text: g.name, count: g.rows.length })),
    agencies: byName(agencies).map((g) => ({ href: link(path, SITE_PATHS.agency(g.id)), text: g.name, count: g.rows.length })),
  };
  const text = JSON.stringify(model);
  return {
    key: 'home',
    inputs: hashParts([text]),
    render: () => [{ path, content: sitePage({ path, title: 'Tra cứu thủ tục hành chính', description: 'Tìm thủ tục hành chính: giấy tờ cần chuẩn bị, nơi nộp, thời hạn, phí và lệ phí.', body: home(model), scripts: ['search'], at: formatDate(ctx.at) }) }],
  };
}

export const generator: Generator = {
  id: 'site',
  description: 'the public site: search, one page per procedure (every part in the Phần II order, schema.org JSON-LD, the due-date calculator, the version history with each change, the online form preview), the simplification dashboard, developer pages and the documentation (site/docs/)',
  start: SITE_PATHS.home,
  plan(ctx) {
    const units: Unit[] = [];
    const calendar = siteCalendar(ctx);
    // The style sheet is docs-site/styles/site.css, copied as it is; its text is the unit's input.
    const css = docsSiteText('styles', 'site.css');
    units.push({ key: 'assets/css', inputs: hashParts([css]), render: () => [{ path: SITE_PATHS.css, content: css }] });
    const deps = bundleInputs();
    for (const name of SCRIPTS) units.push({ key: `assets/${name}`, inputs: deps, render: async () => [{ path: SITE_PATHS.script(name), content: await bundle(name) }] });
    if (calendar) {
      // Its $schema names the calendar schema the build publishes (the catalogue's own points into rules/schema/, not in the output).
      const text = JSON.stringify({ ...calendar.data, $schema: href(SITE_PATHS.calendar(calendar.id), PATHS.apiSchema('calendar')) });
      units.push({ key: 'assets/calendar', inputs: hashParts([text]), render: () => [{ path: SITE_PATHS.calendar(calendar.id), content: text }] });
    }

    for (const entry of ctx.procedures) units.push(...procedureUnits(ctx, entry));

    const fields = groupsBy(ctx, (v) => (v.data.field ? [v.data.field] : []), (id) => ctx.fieldName(id));
    const agencies = groupsBy(ctx, (v) => v.data.agencies?.implementing ?? [], (id) => ctx.agencyName(id));
    for (const g of fields) units.push({ key: `field/${g.id}`, inputs: groupHash(g), render: () => [renderGroupPage(SITE_PATHS.field(g.id), `Lĩnh vực ${g.name}`, `Các thủ tục hành chính thuộc lĩnh vực ${g.name} (${g.rows.length}).`, g)] });
    for (const g of agencies) units.push({ key: `agency/${g.id}`, inputs: groupHash(g), render: () => [renderGroupPage(SITE_PATHS.agency(g.id), g.name, `Các thủ tục do ${g.name} trực tiếp thực hiện (${g.rows.length}).`, g)] });
    units.push({ key: 'fields', inputs: hashParts(fields.map((g) => `${g.id}:${g.name}:${g.rows.length}`)), render: () => [renderFieldIndex(fields)] });
    units.push(homeUnit(ctx, fields, agencies));

    const citing = citingProcedures(ctx);
    const docs = [...ctx.catalogue.registry.legalDocuments.byId.values()].sort((a, b) => (a.number < b.number ? -1 : 1));
    const docTexts = docs.map((doc) => canonicalJson(doc));
    docs.forEach((doc, i) => {
      const rows = citing.get(doc.number) ?? [];
      units.push({ key: `legal/${doc.number}`, inputs: hashParts([docTexts[i]!, ...rows.map(rowKey)]), render: () => [renderLegalPage(doc, rows)] });
    });
    units.push({ key: 'legal', inputs: hashParts(docs.map((d, i) => `${docTexts[i]}:${citing.get(d.number)?.length ?? 0}`)), render: () => [renderLegalIndex(docs, citing)] });

    units.push(...searchUnits(ctx));
    // The bases and sources of the estimates, once for the site (each procedure page states the values it used).
    units.push({ key: 'method', inputs: costInputsHash(ctx), render: () => [renderMethodPage(ctx)] });

    const codes = new Set(ctx.procedures.map((e) => e.code));
    units.push({ key: 'dashboard', inputs: ctx.catalogueHash(), render: () => renderDashboard(ctx.catalogue, (code) => codes.has(code)) });
    const example = ctx.procedures[0];
    // The developer page's form example: the first procedure with a form in force or next (as renderDevelopers picks it).
    const withForm = ctx.procedures.find((e) => formVersions(e, ctx.at).length > 0);
    units.push({ key: 'developers', inputs: hashParts([example ? ctx.entryHash(example) : '', withForm ? ctx.entryHash(withForm) : '', ctx.at]), render: async () => [await renderDevelopers(ctx)] });
    units.push({ key: 'developers/schemas', inputs: '', render: renderSchemaPages });
    units.push({ key: 'developers/rules', inputs: '', render: renderRulePages });
    units.push(...docsUnits());
    return units;
  },
  perProcedure: procedureUnits,
};
