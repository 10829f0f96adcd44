import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relatedLines, ruleTester, runRule, yaml } from '../../../test/support/ruleTester';
import rule from './k8s-ipblock-except-outside';

/** A NetworkPolicy whose first ingress peer is `ipBlock`; the ipBlock's first line is line 7. */
const policy = (...ipBlock: string[]) =>
  yaml(
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata: {name: np}',
    'spec:',
    '  podSelector: {}',
    '  ingress:',
    '  - from:',
    '    - ipBlock:',
    ...ipBlock.map((l) => `        ${l}`),
  );

ruleTester(rule, {
  valid: [
    { name: 'except entries strictly inside cidr', text: policy('cidr: 172.17.0.0/16', 'except:', '- 172.17.1.0/24', '- 172.17.2.0/24') },
    {
      name: 'flow style, egress, IPv6',
      text: yaml(
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: np}',
        'spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}}]}]}',
      ),
    },
    { name: 'no except list', text: policy('cidr: 0.0.0.0/0') },
    { name: 'invalid values are cidr-syntax findings', text: policy('cidr: 10.0.0.0/33', 'except: [10.1.0.0/16]') + '---\n' + policy('cidr: 10.0.0.0/8', 'except: [10.1.0.0]') },
    { name: 'templated values are skipped', text: policy('cidr: 10.0.0.0/8', 'except: ["{{ .Values.blocked }}"]') },
    {
      name: 'other kinds with the same shape are not NetworkPolicies',
      text: yaml('apiVersion: crd.example.com/v1', 'kind: Firewall', 'metadata: {name: f}', 'spec:', '  ingress:', '  - from:', '    - ipBlock: {cidr: 10.0.0.0/24, except: [192.168.0.0/24]}'),
    },
  ],
  invalid: [
    {
      name: 'an except entry outside cidr',
      text: policy('cidr: 10.0.0.0/24', 'except:', '- 192.168.0.0/24'),
      errors: [{ line: 11, severity: 'error', message: /^except entry 192\.168\.0\.0\/24 is not inside ipBlock\.cidr 10\.0\.0\.0\/24\. .*The API server rejects the NetworkPolicy\.$/ }],
    },
    {
      name: 'an except entry equal to cidr (not strictly smaller)',
      text: policy('cidr: 10.0.0.0/24', 'except: [10.0.0.0/24]'),
      errors: [{ line: 10, message: /^except entry 10\.0\.0\.0\/24 covers all of ipBlock\.cidr 10\.0\.0\.0\/24\. An except entry must be strictly smaller/ }],
    },
    {
      name: 'an except entry larger than cidr, which contains it',
      text: policy('cidr: 10.1.0.0/16', 'except: [10.0.0.0/8]'),
      errors: [{ line: 10, message: /^except entry 10\.0\.0\.0\/8 is not inside ipBlock\.cidr 10\.1\.0\.0\/16\./ }],
    },
    {
      name: 'an IPv6 except entry under an IPv4 cidr',
      text: policy('cidr: 10.0.0.0/8', 'except: ["fd00::/64"]'),
      errors: [{ line: 10, message: /^except entry fd00::\/64 is IPv6 but ipBlock\.cidr 10\.0\.0\.0\/8 is IPv4; an except entry must be of the same family/ }],
    },
    {
      name: 'second document of a stream, flow style, egress; only the bad entry',
      text:
        yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: apps}') +
        '---\n' +
        yaml(
          'apiVersion: networking.k8s.io/v1',
          'kind: NetworkPolicy',
          'metadata: {name: np, namespace: apps}',
          'spec: {podSelector: {}, egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}, {ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}}]}]}',
        ),
      errors: [{ line: 8, message: /^except entry 10\.1\.0\.0\/24 is not inside ipBlock\.cidr 10\.0\.0\.0\/16/ }],
    },
  ],
});

describe('rule k8s-ipblock-except-outside: related information', () => {
  it('points at the cidr the entry was compared with', () => {
    const [finding] = runRule(rule, { text: policy('cidr: 10.0.0.0/24', 'except:', '- 10.0.1.0/24') });
    assert.deepEqual(relatedLines(finding), [[9, 'ipBlock.cidr 10.0.0.0/24']]);
  });
});
