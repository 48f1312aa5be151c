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

  it('says nothing on a draft in force-able on its date, or without an effective date', () => {
    expect(check({ status: 'draft', effective: { from: '2029-06-01' } })).toEqual([]);
    expect(check({ status: 'draft', effective: null })).toEqual([]);
  });
});
