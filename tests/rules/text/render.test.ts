import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root } from 'mdast';
import { blocksToMdast, LINE_BREAK, markdownToHtml, renderHtml, renderHtmlBlocks, renderMarkdown, type Block } from '../../../rules/text/render/index.js';
import { renderHtmlBlocksByHast } from '../../../rules/text/render/html.js';

/** Reads Markdown back as GitHub does, to check what a reader sees. */
function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

function types(node: Nodes): string[] {
  return 'children' in node ? [node.type, ...node.children.flatMap(types)] : [node.type];
}

function textOf(node: Nodes): string {
  return 'value' in node && node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';
}

describe('the one renderer: blocks → mdast → Markdown, blocks → hast → HTML', () => {
  it('writes every block kind as Markdown in the established layout', () => {
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: 'Phần *I* <a>' },
      { kind: 'paragraph', content: [{ text: 'Điều 1. ', style: 'strong' }, 'Công bố 03 thủ tục', LINE_BREAK, { text: 'mới', style: 'em' }] },
      { kind: 'list', items: [['một'], ['hai | ba']] },
      { kind: 'table', head: ['STT', 'Tên'], align: ['center', 'right'], rows: [[['1'], ['Cấp [bản sao]']]] },
      { kind: 'page', orientation: 'landscape' },
      { kind: 'bars', title: 'Chi phí', unit: 'đồng', series: ['Trước', 'Sau'], rows: [{ label: 'A', values: [2, 1], text: ['2 đ', '1 đ'] }] },
    ];
    expect(renderMarkdown(blocks)).toBe(
      [
        '## Phần \\*I\\* \\<a\\>',
        '',
        '**Điều 1.** Công bố 03 thủ tục<br>_mới_',
        '',
        '- một',
        '- hai \\| ba',
        '',
        '| STT | Tên |',
        '| :---: | ---: |',
        '| 1 | Cấp \\[bản sao\\] |',
        '',
        '---',
        '',
        '**Chi phí**',
        '',
        '| | Trước | Sau |',
        '| --- | ---: | ---: |',
        '| A | 2 đ | 1 đ |',
        '',
      ].join('\n'),
    );
  });

  it('spec text reads literally when the Markdown is parsed back', () => {
    const hostile = 'Tờ khai *mẫu* _CT01_ [x](javascript:alert(1)) <img src=x> | ~~a~~ `b` &amp;';
    const md = renderMarkdown([{ kind: 'paragraph', content: [hostile] }]);
    const tree = parse(md);
    expect(types(tree)).toEqual(['root', 'paragraph', 'text']);
    expect(textOf(tree)).toBe(hostile);
  });

  // The old string renderer wrote "Giấy tờ~~,~~": GFM does not open a strikethrough between a letter and
  // punctuation, so the deletion read as literal tildes. remark-stringify encodes the letter before the
  // marker (t&#x1EDD;~~,~~), and the deletion is a deletion (tthc diff 1.004222@pa-2026 1.004222@v1 shows it).
  it('writes a word diff whose deleted punctuation follows a letter so that GFM reads it as deleted (the old renderer did not)', () => {
    const md = renderMarkdown([{ kind: 'paragraph', content: ['Giấy tờ', { text: ',', style: 'del' }, ' ', { text: 'và', style: 'ins' }, ' tài liệu'] }]);
    expect(md).toBe('Giấy t&#x1EDD;~~,~~ **và** tài liệu\n');
    const paragraph = parse(md).children[0]!;
    expect(types(paragraph)).toEqual(['paragraph', 'text', 'delete', 'text', 'text', 'strong', 'text', 'text']);
    expect(textOf(paragraph)).toBe('Giấy tờ, và tài liệu');
    expect(types(parse('Giấy tờ~~,~~ **và** tài liệu').children[0]!)).not.toContain('delete');
  });

  it('builds one mdast tree a reader of the Markdown would get', () => {
    const tree = blocksToMdast([{ kind: 'columns', rows: [[{ lines: ['rule'] }], [{ lines: [[{ text: 'BỘ TƯ PHÁP', style: 'strong' }]] }, { lines: [] }]] }]);
    expect(tree.children.map((c) => c.type)).toEqual(['table']);
    expect(renderMarkdown([{ kind: 'columns', rows: [[{ lines: ['rule'] }], [{ lines: [[{ text: 'BỘ TƯ PHÁP', style: 'strong' }]] }, { lines: [] }]] }])).toBe('| **BỘ TƯ PHÁP** |   |\n| --- | --- |\n');
  });

  it('writes HTML from a hast tree with every spec string escaped', () => {
    const html = renderHtmlBlocks([
      { kind: 'heading', level: 1, align: 'center', text: 'A "b" <c>' },
      { kind: 'table', head: ['x'], align: ['right'], widths: [100], rows: [[['1 > 0', LINE_BREAK, { text: "it's", style: 'del' }]]] },
      { kind: 'columns', rows: [[{ lines: [[{ text: 'Nơi nhận:', style: 'strong' }], 'rule'], sizes: [12], ruleWidths: [0, 30], align: 'left' }]] },
    ]);
    expect(html).toBe(
      '<h1 class="center">A &quot;b&quot; &lt;c&gt;</h1>\n' +
        '<table tabindex="0"><colgroup><col style="width:100%"></colgroup><thead><tr><th scope="col">x</th></tr></thead><tbody><tr><td class="num">1 &gt; 0<br><del>it&#39;s</del></td></tr></tbody></table>\n' +
        '<table class="layout"><tbody><tr><td class="left"><span style="font-size:12pt"><strong>Nơi nhận:</strong></span><br><span class="rule" style="width:30%"></span></td></tr></tbody></table>',
    );
    expect(renderHtml('T & <t>', [{ kind: 'paragraph', content: ['x'] }], { style: 'p{font-family:"Times New Roman"}' })).toBe(
      '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>T &amp; &lt;t&gt;</title>\n<style>p{font-family:"Times New Roman"}</style>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n',
    );
  });

  it('writes the blocks directly, byte for byte as the unified writer does, for every kind of block', () => {
    const tricky = 'Lệ phí & "phí" <b> it\'s `x` ©\u00a0—';
    const blocks: Block[] = [
      { kind: 'heading', level: 2, text: tricky },
      { kind: 'heading', level: 3, align: 'right', text: 'Thủ tục' },
      { kind: 'paragraph', content: [tricky, LINE_BREAK, { text: 'a', style: 'strong' }, { text: 'b', style: 'em' }, { text: 'c', style: 'strong-em' }, { text: 'd', style: 'code' }, { text: 'e', style: 'ins' }] },
      { kind: 'paragraph', content: [], align: 'justify', indent: true },
      { kind: 'list', items: [[tricky], [], [{ text: '<x>', style: 'del' }]] },
      { kind: 'table', head: ['Giấy tờ', tricky], align: ['left', 'center', 'right'], widths: [40, 35.5, 24.5], rows: [[['1'], [], [tricky, LINE_BREAK, '2']]] },
      { kind: 'table', head: [], rows: [] },
      { kind: 'columns', widths: [50, 50], rows: [[{ lines: [[{ text: 'CỘNG HÒA', style: 'strong' }], 'rule', [tricky]], sizes: [13, 0, 12], ruleWidths: [0, 25] }, { lines: [], align: 'center' }]] },
      { kind: 'page', orientation: 'landscape' },
      { kind: 'bars', title: tricky, unit: 'đồng', series: ['Trước', 'Sau & nay'], rows: [{ label: 'x'.repeat(45), values: [1200, -300], text: ['1.200', '<300>'] }] },
      { kind: 'paragraph', content: ['cuối'] },
    ];
    const direct = renderHtmlBlocks(blocks);
    expect(direct).toBe(renderHtmlBlocksByHast(blocks));
    for (const b of blocks) expect(renderHtmlBlocks([b])).toBe(renderHtmlBlocksByHast([b]));
    expect(direct).toContain('<td class="center"></td><td class="num">Lệ phí &amp; &quot;phí&quot; &lt;b&gt; it&#39;s');
    expect(direct).toContain('<hr class="page landscape">\n<figure><svg xmlns="http://www.w3.org/2000/svg"');
  });

  it('renders Markdown pages through the same unified pipeline, dropping raw HTML and applying a tree transform', async () => {
    const html = await markdownToHtml('# Trang\n\n<script>alert(1)</script>\n\n[quy tắc](a-b.md) | x', (tree) => {
      const visit = (n: Nodes) => {
        if (n.type === 'link') n.url = n.url.replace(/\.md$/, '.html');
        if ('children' in n) n.children.forEach(visit);
      };
      visit(tree);
    });
    expect(html).toBe('<h1>Trang</h1>\n<p><a href="a-b.html">quy tắc</a> | x</p>');
  });
});
