import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../generators/build.js';
import { csvField } from '../../generators/listing/csv.js';
import { scriptSafeJson } from '../../generators/detail/jsonld.js';
import { buildFixture, buildRegistry, deathRegistration, fixtureVersions } from '../helpers/build-fixture.js';
import { cleanupCatalogues, versionPath } from '../helpers/catalogue.js';
import { cleanupOutputs, makeOutputRoot, readTree } from '../helpers/output.js';

const SCRIPT = '<script>alert("x")</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const BREAKOUT = '</script><script>alert(2)</script><!--';
const LINK = '[bấm vào đây](javascript:alert(3))';
const FORMULA = '=HYPERLINK("http://evil.example","x")';

const BASIS = [{ document: '60/2014/QH13', article: '33' }];
const NAME = `Thủ tục đăng ký khai tử ${BREAKOUT} ${SCRIPT}`;
const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'link', 'script', 'body', 'header', 'nav', 'a', 'main', 'p', 'h1', 'h2', 'h3', 'h4', 'dl', 'dt', 'dd', 'section', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br']);
// The simplification report (its own generator) also draws inline SVG charts.
const REPORT_TAGS = new Set([...ALLOWED_TAGS, 'style', 'strong', 'em', 'figure', 'figcaption', 'svg', 'rect', 'text', 'g', 'line', 'del', 'ins', 'code']);

// The site adds its search box, forms, details, skip link and footer.
const SITE_TAGS = new Set([...REPORT_TAGS, 'footer', 'form', 'label', 'input', 'select', 'option', 'button', 'details', 'summary', 'noscript', 'span', 'div', 'strong', 'caption', 'figure', 'figcaption', 'title', 'pre']);

let tree: Map<string, Buffer>;

beforeAll(async () => {
  const registry = buildRegistry();
  registry.agencies!.find((a) => a.id === 'ubnd-xa')!.name = `Ủy ban nhân dân cấp xã ${IMG}`;
  registry.legalDocuments!.find((d) => d.number === '60/2014/QH13')!.title = `Luật Hộ tịch ${SCRIPT}`;
  const hostile = deathRegistration({
    name: { vi: NAME, en: IMG },
    notes: [{ kind: 'info', text: `Lưu ý ${IMG} ${LINK}` }],
    steps: [{ id: 'nop', actor: 'applicant', action: `Nộp hồ sơ ${SCRIPT}`, legalBasis: BASIS }],
    dossier: { documents: [{ id: 'to-khai', name: `Tờ khai ${IMG}`, originals: 1, copies: 0, note: SCRIPT, legalBasis: BASIS }, { id: 'giay-bao-tu', name: FORMULA, originals: 1, copies: 0, legalBasis: BASIS }] },
    fees: [{ id: 'le-phi', kind: 'le-phi', name: FORMULA, amount: 5000, legalBasis: [{ document: '85/2019/TT-BTC' }] }],
    requirements: [{ id: 'yc', text: `${LINK} ${IMG}`, legalBasis: BASIS }],
    channels: [{ kind: 'in-person', where: `@SUM(A1) ${SCRIPT}` }],
  });
  const versions = fixtureVersions().map((v) => (v.code === hostile.code ? hostile : v));
  const catalogue = await buildFixture({ 'registry/registry.json': registry, [versionPath(hostile)]: hostile }, versions);
  const out = path.join(await makeOutputRoot(), 'out');
  const result = await buildCatalogue(catalogue, { out, at: '2025-06-01', cacheDir: false });
  expect(result.validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  tree = await readTree(out);
});
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

function tags(html: string): { name: string; attributes: string }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attributes: m[2]! }));
}

describe('spec text in generated pages', () => {
  it('never becomes markup in any HTML page', () => {
    const pages = [...tree].filter(([rel]) => rel.endsWith('.html') && !rel.startsWith('site/'));
    // The procedure pages are the site's (below): procedures/<code>.html is no longer written.
    expect(pages.map(([rel]) => rel)).toEqual(['listing/danh-muc.html', 'reports/simplification.html']);
    for (const [rel, bytes] of pages) {
      const html = bytes.toString();
      const found = tags(html);
      const allowed = rel.startsWith('reports/') ? REPORT_TAGS : ALLOWED_TAGS;
      expect(found.filter((t) => !allowed.has(t.name)).map((t) => t.name), rel).toEqual([]);
      expect(found.filter((t) => /\son[a-z]+\s*=/i.test(t.attributes)), rel).toEqual([]);
      const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      expect(scripts, rel).toEqual([]);
      expect(html.match(/<\/script/gi)?.length ?? 0, rel).toBe(scripts.length);
    }
  });

  it('never becomes markup on the site, whose only scripts are its bundles and JSON data', () => {
    const pages = [...tree].filter(([rel]) => rel.startsWith('site/') && rel.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const [rel, bytes] of pages) {
      const html = bytes.toString();
      const found = tags(html);
      expect(found.filter((t) => !SITE_TAGS.has(t.name)).map((t) => t.name), rel).toEqual([]);
      expect(found.filter((t) => /\son[a-z]+\s*=/i.test(t.attributes)), rel).toEqual([]);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const [, attributes, body] = m as unknown as [string, string, string];
        if (/\ssrc="[^"]*assets\/(search|calculator|form)\.js" defer/.test(attributes)) expect(body, rel).toBe('');
        else {
          expect(attributes, rel).toMatch(/^ type="application\/(ld\+)?json"( data-(limits|schema))?$/);
          expect(body, rel).not.toMatch(/[<>&]/);
          JSON.parse(body);
        }
      }
      expect(html.match(/<script\b/gi)?.length ?? 0, rel).toBe(html.match(/<\/script/gi)?.length ?? 0);
    }
    const page = tree.get('site/procedures/1.000656.html')!.toString();
    expect(page).toContain('<h1>Thủ tục đăng ký khai tử &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;!-- &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
    expect(page).toContain('<td data-label="Giấy tờ">Tờ khai &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</td>');
    expect(page).toContain('Ủy ban nhân dân cấp xã &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    const legal = tree.get('site/legal/60-2014-qh13.html')!.toString();
    expect(legal).toContain('<h1>Luật Hộ tịch &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; số 60/2014/QH13</h1>');
  });

  it('shows the hostile text escaped, not dropped', () => {
    const page = tree.get('site/procedures/1.000656.html')!.toString();
    expect(page).toContain('<h1>Thủ tục đăng ký khai tử &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;!-- &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
    expect(page).toContain('<li>Lưu ý &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; [bấm vào đây](javascript:alert(3))</li>');
    expect(page).toContain('<td data-label="Giấy tờ">Tờ khai &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</td>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('Ủy ban nhân dân cấp xã &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
  });

  it('keeps the JSON-LD inside its script element, with the data intact', () => {
    const page = tree.get('site/procedures/1.000656.html')!.toString();
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(json).not.toMatch(/[<>&]/);
    const data = JSON.parse(json);
    expect(data.name).toBe(NAME);
    expect(data.alternateName).toBe(IMG);
    expect(data.serviceOperator).toEqual([{ '@type': 'GovernmentOrganization', name: `Ủy ban nhân dân cấp xã ${IMG}` }]);
    expect(JSON.parse(scriptSafeJson({ s: '\u2028</script>&' })).s).toBe('\u2028</script>&');
  });

  it('escapes Markdown so spec text cannot add links, HTML or table cells', () => {
    const md = tree.get('listing/danh-muc.md')!.toString();
    expect(md).toContain('[Thủ tục đăng ký khai tử \\</script>\\<script>alert(2)\\</script>\\<!-- \\<script>alert("x")\\</script>](../site/procedures/1.000656.html)');
    expect(md).not.toMatch(/(^|[^\\])<script/);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toContain('| Ủy ban nhân dân cấp xã ">\\<img src=x onerror=alert(1)> |');
    expect(md).not.toContain('](javascript:');
  });

  it('neutralises spreadsheet formulas in the CSV', () => {
    const csv = tree.get('listing/danh-muc.csv')!.toString();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x""): 5.000 đồng"`);
    // A formula only runs from the start of a cell; this one starts with the channel.
    expect(csv).toContain(`,"Trực tiếp: @SUM(A1) <script>alert(""x"")</script>",`);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+84912345678')).toBe("'+84912345678");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField('Miễn phí')).toBe('Miễn phí');
  });
});
