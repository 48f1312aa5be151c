import type { FactDefinition } from '../schema/types/procedure-version.generated.js';
import { factsOf } from '../compute/conditions.js';
import { didYouMean } from '../text/suggest.js';
import { defineRule } from './rule.js';
import { comparisons, conditions } from '../model/spec.js';

// The built-in facts live with the evaluator, which must not depend on the lint machinery.
export { BUILT_IN_FACTS, factsOf } from '../compute/conditions.js';

export const conditionFacts = defineRule({
  id: 'condition-facts',
  meta: {
    type: 'problem',
    description: 'Conditions and fee quantities test declared facts, with values of the fact’s type.',
    rationale: 'A condition on an undeclared fact, or on a value the fact can never take, is never true: the document or fee it guards would silently never apply.',
    severity: 'error',
    scope: 'version',
    messages: {
      unknownFact: 'The fact "{{fact}}" is not declared in facts[].{{hint}}',
      wrongValue: 'The fact "{{fact}}" is {{type}}; {{value}} is not one of its values ({{allowed}}).',
      wrongOperator: 'The operator {{operator}} does not apply to the {{type}} fact "{{fact}}".',
      notNumeric: 'A fee quantity needs an integer fact; "{{fact}}" is {{type}}.',
    },
  },
  examples: {
    valid: [
      {
        description: 'A fee that depends on a declared boolean fact.',
        patch: {
          facts: [{ id: 'dungHan', type: 'boolean', label: 'Đăng ký đúng hạn', default: true }],
          fees: [{ id: 'le-phi', kind: 'le-phi', name: 'Lệ phí đăng ký khai sinh quá hạn', amount: 0, when: { fact: 'dungHan', equals: false }, legalBasis: [{ document: '85/2019/TT-BTC' }] }],
        },
      },
    ],
    invalid: [
      {
        description: 'A condition on a fact nobody declared.',
        patch: { fees: [{ id: 'le-phi', kind: 'le-phi', name: 'Lệ phí', amount: 5000, when: { fact: 'quaHan', equals: true }, legalBasis: [{ document: '85/2019/TT-BTC' }] }] },
        errors: [{ messageId: 'unknownFact', pointer: '/fees/0/when/fact' }],
      },
      {
        description: 'A channel value that does not exist.',
        patch: { fees: [{ id: 'le-phi', kind: 'le-phi', name: 'Lệ phí', amount: 5000, when: { fact: 'channel', equals: 'email' }, legalBasis: [{ document: '85/2019/TT-BTC' }] }] },
        errors: [{ messageId: 'wrongValue', pointer: '/fees/0/when/equals' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    const facts = factsOf(v.facts);
    const ids = [...facts.keys()];
    for (const placed of conditions(v)) {
      for (const { comparison, pointer } of comparisons(placed.condition, placed.pointer)) {
        const fact = facts.get(comparison.fact);
        if (!fact) {
          ctx.report({ pointer: `${pointer}/fact`, messageId: 'unknownFact', data: { fact: comparison.fact, hint: didYouMean(comparison.fact, ids) } });
          continue;
        }
        for (const [operator, operand] of Object.entries(comparison)) {
          if (operator === 'fact') continue;
          const numeric = operator === 'gte' || operator === 'lte' || operator === 'gt' || operator === 'lt';
          if (numeric && fact.type !== 'integer') {
            ctx.report({ pointer: `${pointer}/${operator}`, messageId: 'wrongOperator', data: { operator, type: fact.type, fact: fact.id } });
            continue;
          }
          const values = Array.isArray(operand) ? operand : [operand];
          values.forEach((value, i) => {
            const at = Array.isArray(operand) ? `${pointer}/${operator}/${i}` : `${pointer}/${operator}`;
            const problem = valueProblem(fact, value);
            if (problem) ctx.report({ pointer: at, messageId: 'wrongValue', data: { fact: fact.id, type: fact.type, value: JSON.stringify(value), allowed: problem } });
          });
        }
      }
    }
    v.fees?.forEach((fee, i) => {
      if (!fee.quantity) return;
      const fact = facts.get(fee.quantity.fact);
      if (!fact) ctx.report({ pointer: `/fees/${i}/quantity/fact`, messageId: 'unknownFact', data: { fact: fee.quantity.fact, hint: didYouMean(fee.quantity.fact, ids) } });
      else if (fact.type !== 'integer') ctx.report({ pointer: `/fees/${i}/quantity/fact`, messageId: 'notNumeric', data: { fact: fact.id, type: fact.type } });
    });
  },
});

/** Undefined when the value fits the fact, else a description of what would fit. */
function valueProblem(fact: FactDefinition, value: unknown): string | undefined {
  switch (fact.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'an integer';
    case 'enum': {
      const allowed = (fact.values ?? []).map((x) => x.value);
      return typeof value === 'string' && allowed.includes(value) ? undefined : allowed.join(', ');
    }
  }
}
