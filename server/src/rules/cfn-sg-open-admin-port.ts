import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { templateOf, type Template } from '../formats/cloudformation/template';
import { get, items } from '../model/nav';
import { parseCidr } from '../net/cidr';

// SSH (22) and RDP (3389) open to every address invite brute-force attempts from the whole
// internet; so does opening every port. AWS advises allowing these only from known ranges.
// https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html

const ADMIN_PORTS: ReadonlyArray<[number, string]> = [
  [22, 'SSH (22)'],
  [3389, 'RDP (3389)'],
];

export default defineRule({
  meta: {
    code: 'cfn-sg-open-admin-port',
    severity: 'warning',
    kinds: ['cloudformation'],
    title: 'A security group admits SSH, RDP or every port from anywhere (0.0.0.0/0 or ::/0)',
    docs: 'docs/rules/cfn-sg-open-admin-port.md',
  },
  check({ doc, report }) {
    const t = templateOf(doc);
    const rules: Node[] = [];
    for (const sg of t.ofType('AWS::EC2::SecurityGroup')) rules.push(...items(t.prop(sg, 'SecurityGroupIngress'), doc.anchors));
    for (const ingress of t.ofType('AWS::EC2::SecurityGroupIngress')) if (ingress.properties) rules.push(ingress.properties);
    for (const rule of rules) {
      const open = openSource(t, rule);
      if (!open) continue;
      const what = exposed(t, rule);
      if (!what) continue;
      report({
        target: open.node,
        message: `This ingress rule admits ${what} from ${open.written}${open.via ? ` (${open.via})` : ''}, every ${open.cidr === '0.0.0.0/0' ? 'IPv4' : 'IPv6'} address. Allow it only from the ranges you administer from (a VPN or office range), or reach instances through AWS Systems Manager Session Manager instead.`,
      });
    }
  },
});

function openSource(t: Template, rule: Node): { node: Node; cidr: string; written: string; via?: string } | undefined {
  for (const key of ['CidrIp', 'CidrIpv6']) {
    const node = get(rule, key, t.doc.anchors);
    const value = t.ev.evaluate(node);
    if (!node || value.kind !== 'string') continue;
    // Any /0 is every address, however it is written (192.168.1.0/0 included).
    const parsed = parseCidr(value.value);
    if (!parsed.ok || parsed.value.prefix !== 0) continue;
    const cidr = parsed.value.family === 4 ? '0.0.0.0/0' : '::/0';
    const written = value.value === cidr ? cidr : `${value.value}, that is ${cidr}`;
    // A template that opens the port only through a parameter's default says so.
    return { node, cidr, written, via: value.from.length ? t.ev.labelOf(value.from[0]) : undefined };
  }
  return undefined;
}

/** What an ingress rule exposes among the admin ports, in words; undefined when none (or unknown). */
function exposed(t: Template, rule: Node): string | undefined {
  const a = t.doc.anchors;
  const protocol = t.ev.evaluate(get(rule, 'IpProtocol', a));
  if (protocol.kind !== 'string') return undefined;
  const p = protocol.value.toLowerCase();
  if (p === '-1' || p === 'all') return 'all traffic on every port';
  if (p !== 'tcp' && p !== '6') return undefined;
  const from = t.ev.evaluate(get(rule, 'FromPort', a));
  const to = t.ev.evaluate(get(rule, 'ToPort', a));
  if (from.kind !== 'string' || to.kind !== 'string') return undefined;
  const lo = Number(from.value);
  const hi = Number(to.value);
  if (!Number.isInteger(lo) || !Number.isInteger(hi)) return undefined;
  if ((lo <= 0 || lo === -1) && (hi >= 65535 || hi === -1)) return 'every TCP port';
  const hits = ADMIN_PORTS.filter(([port]) => lo <= port && port <= hi).map(([, name]) => name);
  return hits.length ? hits.join(' and ') : undefined;
}
