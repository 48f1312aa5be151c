/**
 * What tthc publish would refuse is reported on drafts at validate time (issue 18, point 12): as a
 * warning marked blocksPublishing, with the rule id and pointer publish reports, and left a warning
 * by --strict (a draft may be unfinished).
 */
import { describe, expect, it } from 'vitest';
import { catalogueFromObjects } from '../../../rules/load/in-memory.js';
import { baseRegistry, baseVersion } from '../../../rules/lint/fixture.js';
import { mergePatch } from '../../../rules/lint/merge-patch.js';
import { applyStrict, checkCatalogue } from '../../../rules/validate/index.js';

function check(patch: Record<string, unknown>) {
  const registry = baseRegistry();
  // 04/2020/TT-BTP, cited by the base version, is repealed from 2030-01-01 in this registry.
  registry.legalDocuments = registry.legalDocuments.map((d) => (d.number === '04/2020/TT-BTP' ? { ...d, repealed: '2030-01-01' } : d));
  const { catalogue, diagnostics } = catalogueFromObjects({ versions: [mergePatch(baseVersion(), patch)], registry });
  return checkCatalogue(catalogue, diagnostics).diagnostics.filter((d) => d.ruleId === 'legal-basis-in-force');
}

describe('publish blockers on drafts', () => {
  it('warns on a draft taking effect after a document it cites is repealed, where publishing it would be an error', () => {
    const draft = check({ status: 'draft', effective: { from: '2030-06-01' } });
    const message = 'Publishing would be refused: 04/2020/TT-BTP is no longer in force from 2030-01-01, on or before this version takes effect (2030-06-01).';
    expect(draft.map((d) => [d.severity, d.pointer, d.blocksPublishing, d.message])).toEqual([
      ['warning', '/forms/0/legalBasis/0/document', true, message],
      ['warning', '/legalBasis/1/document', true, message],
    ]);
    // Published, the same findings are errors, at the same places: what tthc publish refuses.
    const published = check({ status: 'published', effective: { from: '2030-06-01' } });
    expect(published.map((d) => [d.severity, d.pointer, d.blocksPublishing])).toEqual([
      ['error', '/forms/0/legalBasis/0/document', undefined],
      ['error', '/legalBasis/1/document', undefined],
    ]);
    // --strict leaves them warnings: the draft is not yet meant to be published.
    expect(applyStrict(draft).map((d) => d.severity)).toEqual(['warning', 'warning']);
  });

  it('warns on a draft that, published, would overlap a version in force (as tthc publish checks it, with the other versions of its code)', () => {
    const registry = baseRegistry();
    const v1 = mergePatch(baseVersion(), { effective: { from: '2020-01-01' } });
    const v2 = mergePatch(baseVersion(), { version: 'v2', supersedes: 'v1', effective: { from: '2024-01-01' }, changedBy: { legalBasis: [{ document: '04/2020/TT-BTP' }] } });
    // Copied from v1 (tthc new-version 1.001193 v1) to take effect while v2 is in force.
    const branch = mergePatch(baseVersion(), { version: 'v3', status: 'draft', supersedes: 'v1', effective: { from: '2025-01-01' }, changedBy: { legalBasis: [{ document: '04/2020/TT-BTP' }] } });
    const { catalogue, diagnostics } = catalogueFromObjects({ versions: [v1, v2, branch], registry });
    const found = checkCatalogue(catalogue, diagnostics).diagnostics.filter((d) => d.ruleId === 'no-overlapping-versions');
    expect(found.map((d) => [d.file.replace(/^.*procedures\//, ''), d.severity, d.pointer, d.blocksPublishing, d.message])).toEqual([
      ['1.001193/v3.json', 'warning', '/effective', true, 'Publishing would be refused: 1.001193@v3 (from 2025-01-01) overlaps v2, in force from 2024-01-01 with no end. Say that this version supersedes v2, or give v2 an end date (effective.until).'],
    ]);
    // Superseding the version in force instead: nothing to warn about.
    const fixed = mergePatch(branch, { supersedes: 'v2' });
    const again = catalogueFromObjects({ versions: [v1, v2, fixed], registry });
    expect(checkCatalogue(again.catalogue, again.diagnostics).diagnostics.filter((d) => d.ruleId === 'no-overlapping-versions')).toEqual([]);
  });

  it('says nothing on a draft in force-able on its date, or without an effective date', () => {
    expect(check({ status: 'draft', effective: { from: '2029-06-01' } })).toEqual([]);
    expect(check({ status: 'draft', effective: null })).toEqual([]);
  });
});
