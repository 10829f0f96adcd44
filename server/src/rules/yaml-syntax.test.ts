import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './yaml-syntax';

ruleTester(rule, {
  valid: [
    yaml('a: 1', '---', 'b: [1, 2]'),
    { name: 'CloudFormation short tags', text: yaml('Resources:', '  V:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: !Ref Cidr', '      Tags: !If [HasTags, [], !Ref AWS::NoValue]') },
    { name: 'Helm template: reported by not-checked instead', uri: 'chart/templates/svc.yaml', text: yaml('{{- if .Values.enabled }}', 'apiVersion: v1', 'kind: Service', '{{- end }}') },
    { name: 'broken JSON that is not a template belongs to other tools', uri: 'package.json', text: '{"name": "x",' },
    { name: 'aliases after their anchors, and an asterisk in a string', text: yaml('a: &x 1', 'b: *x', 'c: "*not-an-alias"') },
    { name: 'JSON template', uri: 't.json', text: '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}' },
  ],
  invalid: [
    { name: 'unclosed flow sequence', text: yaml('a: [1, 2', 'b: 3'), errors: [{ line: 2 }] },
    { name: 'each broken document is reported, others still parse', text: yaml('a: 1', '---', 'b: : c', '---', 'k: v', 'k: w'), errors: [{ line: 3, severity: 'error' }, { line: 6, message: /unique/ }] },
    { name: 'an alias with no anchor', text: yaml('vpc:', '  extraCIDRs: [*nope]', 'x: &later 1', 'y: *later'), errors: [{ line: 2, message: /Unresolved alias \*nope/ }] },
    { name: 'an alias used before its anchor', text: yaml('a: *b', 'c: &b 1'), errors: [{ line: 1, message: /no anchor &b comes before it/ }] },
    { name: 'tab indentation', text: 'a:\n\tb: 1\n', errors: [{ line: 2 }] },
    { name: 'truncated JSON template', uri: 't.json', text: '{"AWSTemplateFormatVersion": "2010-09-09",\n "Resources": {"V": {"Type": "AWS::EC2::VPC"', errors: [{ line: 2 }] },
  ],
});
