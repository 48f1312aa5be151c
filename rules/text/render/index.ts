/** The one way documents are written: the block model, its Markdown (mdast) and HTML (hast) writers, escaping. */
export * from './blocks.js';
export * from './escape.js';
export { blocksToMdast, inlineToMdast, mdastToMarkdown, renderMarkdown } from './markdown.js';
export { barChartHast, barChartSvg, blocksToHast, hastToHtml, inlineToHast, markdownToHtml, mdastToHtml, renderHtml, renderHtmlBlocks } from './html.js';
export { headingSlug } from './slug.js';
