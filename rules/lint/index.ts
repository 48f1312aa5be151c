import type { LintRule } from './rule.js';
import { amendmentCitesChange } from './amendment-cites-change.js';
import { channelTimeWithinLimit } from './channel-time-within-limit.js';
import { conditionFacts } from './condition-facts.js';
import { correctionBasisInForce } from './correction-basis-in-force.js';
import { correctionKeepsIdentity } from './correction-keeps-identity.js';
import { correctionTarget } from './correction-target.js';
import { fileLocation } from './file-location.js';
import { legalBasisAuthority } from './legal-basis-authority.js';
import { legalBasisInForce } from './legal-basis-in-force.js';
import { legalBasisResolves } from './legal-basis-resolves.js';
import { levelInForce } from './level-in-force.js';
import { noOverlappingVersions } from './no-overlapping-versions.js';
import { notStated } from './not-stated.js';
import { onlineServiceLevel } from './online-service-level.js';
import { proposalBaseline } from './proposal-baseline.js';
import { publishedImmutable } from './published-immutable.js';
import { referencesResolve } from './references-resolve.js';
import { repealValid } from './repeal-valid.js';
import { requireLegalBasis } from './require-legal-basis.js';
import { stepTimeWithinLimit } from './step-time-within-limit.js';
import { supersedesValid } from './supersedes-valid.js';
import { textNfc } from './text-nfc.js';
import { timeLimitStated } from './time-limit-stated.js';
import { uniqueIds } from './unique-ids.js';
import { uniqueVersion } from './unique-version.js';
import { unresolvedUncertainty } from './unresolved-uncertainty.js';
import { variantWithinBaseline } from './variant-within-baseline.js';

/** Every lint rule, by id. Explicit and sorted (not a scan of the folder), so the set is reviewable. */
export const RULES: ReadonlyMap<string, LintRule> = new Map(
  [
    amendmentCitesChange,
    channelTimeWithinLimit,
    conditionFacts,
    correctionBasisInForce,
    correctionKeepsIdentity,
    correctionTarget,
    fileLocation,
    legalBasisAuthority,
    legalBasisInForce,
    legalBasisResolves,
    levelInForce,
    noOverlappingVersions,
    notStated,
    onlineServiceLevel,
    proposalBaseline,
    publishedImmutable,
    referencesResolve,
    repealValid,
    requireLegalBasis,
    stepTimeWithinLimit,
    supersedesValid,
    textNfc,
    timeLimitStated,
    uniqueIds,
    uniqueVersion,
    unresolvedUncertainty,
    variantWithinBaseline,
  ].map((rule) => [rule.id, rule]),
);

export const ALL_RULES: readonly LintRule[] = [...RULES.values()];

export type { LintRule } from './rule.js';
