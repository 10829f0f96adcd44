import { defineRule } from '../engine/rule';
import { addressFields, formatsWith } from '../formats';
import { parseIp } from '../net/cidr';
import { leadingZerosFinding } from './leadingZeros';

export default defineRule({
  meta: {
    code: 'ip-syntax',
    severity: 'error',
    kinds: formatsWith('addressFields'),
    title: 'An IP-valued field does not hold a valid IPv4 or IPv6 address',
    docs: 'docs/rules/ip-syntax.md',
  },
  check({ doc, report }) {
    for (const field of addressFields(doc)) {
      if (field.type !== 'ip') continue;
      if (field.value === undefined) {
        report({ target: field.node, message: `${field.path} must be an IP address written as a string, such as 10.100.0.10.` });
        continue;
      }
      if (field.alsoAllowed?.includes(field.value)) continue;
      const parsed = parseIp(field.value);
      const zeros = parsed.ok ? undefined : leadingZerosFinding(field, (text) => parseIp(text).ok);
      if (zeros) {
        report(zeros);
      } else if (!parsed.ok) {
        const also = field.alsoAllowed?.length ? ` (or ${field.alsoAllowed.join(', ')})` : '';
        report({ target: field.node, message: `${field.path} is not a valid IP address${also}: ${parsed.reason}.` });
      }
    }
  },
});
