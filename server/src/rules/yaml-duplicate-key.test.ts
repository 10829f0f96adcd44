import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml } from '../../../test/support/ruleTester';
import { cfn, eksctl } from '../../../test/support/fixtures';
import rule from './yaml-duplicate-key';

const policy = (...ipBlock: string[]) =>
  yaml(
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata: {name: office}',
    'spec:',
    '  podSelector: {}',
    '  ingress:',
    '    - from:',
    '        - ipBlock:',
    ...ipBlock.map((l) => `            ${l}`),
  );

ruleTester(rule, {
  valid: [
    yaml('a: 1', 'b: 2', 'c: {a: 1, b: 2}'),
    { name: 'the same key in different mappings', text: yaml('x: {cidr: 10.0.0.0/16}', 'y: {cidr: 10.0.0.0/16}') },
    { name: 'a merge key overridden by an own key is not a duplicate', text: yaml('base: &b {cidr: 10.0.0.0/16}', 'use:', '  <<: *b', '  cidr: 10.1.0.0/16') },
    { name: 'two documents of a stream may repeat keys', text: yaml('a: 1', '---', 'a: 2') },
    {
      name: 'Helm template: the occurrences may sit in different branches',
      uri: 'chart/templates/cm.yaml',
      text: yaml('data:', '{{- if .Values.a }}', '  k: a', '{{- else }}', '  k: b', '{{- end }}'),
    },
  ],
  invalid: [
    {
      name: 'CloudFormation: a warning naming the key, the other line and the value kept',
      text: cfn('  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 10.0.0.0/16', '      CidrBlock: 10.1.0.0/16'),
      errors: [
        {
          line: 7,
          severity: 'warning',
          message:
            /^Key "CidrBlock" is also written on line 6 of the same mapping; YAML forbids that, and CloudFormation accepts the template and uses one value, in practice the last, dropping the other without a word\. The value that wins: this one, "10\.1\.0\.0\/16"\.$/,
        },
      ],
    },
    {
      name: 'eksctl refuses the file: an error',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', '  cidr: 10.1.0.0/16'),
      errors: [{ line: 6, severity: 'error', message: /eksctl refuses the file/ }],
    },
    {
      name: 'a Kubernetes manifest: kubectl keeps the last value, a warning',
      text: policy('cidr: 203.0.113.0/24', 'cidr: 198.51.100.0/24'),
      errors: [{ line: 10, severity: 'warning', message: /^Key "cidr" is also written on line 9 .*kubectl keeps the last value.*"198\.51\.100\.0\/24"\.$/ }],
    },
    { name: 'another kind of file: a warning', text: yaml('a: 1', 'a: 2'), errors: [{ line: 2, severity: 'warning', message: /most YAML readers keep the last value/ }] },
    {
      name: 'three occurrences: each later one points to the one before, all name the last value',
      text: yaml('k: first', 'k: second', 'k: third'),
      errors: [
        { line: 2, message: /also written on line 1 .* wins: the last one, "third"\.$/ },
        { line: 3, message: /also written on line 2 .* wins: this one, "third"\.$/ },
      ],
    },
    {
      name: 'winning collections, tags and long or multi-line text are described briefly',
      text: yaml('a: [1]', 'a: {x: 1, y: 2}', 'b: x', 'b: !Ref Other', 'c: x', `c: "${'z'.repeat(60)}"`, 'd: x', 'd: "two\\nlines"', 'e: x', 'e:'),
      errors: [
        { line: 2, message: /wins: this one, a mapping of 2 keys\.$/ },
        { line: 4, message: /wins: this one, !Ref "Other"\.$/ },
        { line: 6, message: /wins: this one, "z{39}…"\.$/ },
        { line: 8, message: /wins: this one, "two\\nlines"\.$/ },
        { line: 10, message: /wins: this one, an empty value\.$/ },
      ],
    },
  ],
});

describe('rule yaml-duplicate-key: related information', () => {
  it('points at the occurrence before', () => {
    const [finding] = runRule(rule, { text: yaml('a: 1', 'b: 2', 'a: 3') });
    assert.deepEqual(
      finding.related?.map((r) => [r.range.start.line + 1, r.range.start.character, r.message]),
      [[1, 0, '"a" first written here.']],
    );
  });
});
