import { defineRule } from '../engine/rule';
import { addressFields, formatsWith } from '../formats';
import { parseCidr } from '../net/cidr';
import { leadingZerosFinding } from './leadingZeros';

export default defineRule({
  meta: {
    code: 'cidr-syntax',
    severity: 'error',
    kinds: formatsWith('addressFields'),
    title: 'A CIDR-valued field does not hold a valid IPv4 or IPv6 CIDR block',
    docs: 'docs/rules/cidr-syntax.md',
  },
  check({ doc, report }) {
    for (const field of addressFields(doc)) {
      if (field.type !== 'cidr') continue;
      if (field.value === undefined) {
        report({ target: field.node, message: `${field.path} must be a CIDR block written as a string, such as 10.0.0.0/16.` });
        continue;
      }
      const parsed = parseCidr(field.value);
      const zeros = parsed.ok ? undefined : leadingZerosFinding(field, (text) => parseCidr(text).ok);
      if (zeros) {
        report(zeros);
      } else if (!parsed.ok) {
        report({ target: field.node, message: `${field.path} is not a valid CIDR block: ${parsed.reason}.` });
      } else if (field.family && parsed.value.family !== field.family) {
        report({
          target: field.node,
          message: `${field.path} takes an IPv${field.family} block, but ${field.value} is IPv${parsed.value.family}.`,
        });
      }
    }
  },
});
