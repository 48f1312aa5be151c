import { wholeCatalogueGenerator, type GeneratorEntry } from './engine/unit.js';

/**
 * Every output of `tthc build`, one generator per folder of generators/, sorted by id. To add an
 * output, write generators/<id>/index.ts exporting `generator: Generator` (a pure plan of units,
 * see engine/unit.ts) and add one line here; the build validates, caches, writes, hashes into the
 * manifest and swaps it in like every other output. An output that is a few files computed from
 * the whole catalogue (a report) can wrap its pure function with `wholeCatalogueGenerator`.
 */
export const GENERATORS: readonly GeneratorEntry[] = [
  { id: 'api', load: async () => (await import('./api/index.js')).generator },
  { id: 'assets', load: async () => (await import('./assets/index.js')).generator },
  { id: 'form-schemas', load: async () => (await import('./form-schemas/index.js')).generator },
  { id: 'listing', load: async () => (await import('./listing/index.js')).generator },
  {
    id: 'simplification-report',
    load: async () => {
      const { simplificationReportFiles } = await import('./simplification-report/index.js');
      return wholeCatalogueGenerator('simplification-report', 'the simplification report over every proposal, as Markdown, HTML and JSON', 'reports/simplification.html', (ctx) => simplificationReportFiles(ctx.catalogue));
    },
  },
  { id: 'site', load: async () => (await import('./site/index.js')).generator },
];
