import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './yaml-syntax';

ruleTester(rule, {
  valid: [
    yaml('a: 1', '---', 'b: [1, 2]'),
    { name: 'under-indented lines that PyYAML and go-yaml accept are yaml-under-indented findings', text: yaml('a:', '  b: "foo', 'bar"', '  c: [1,', '2]') },
    {
      name: 'CloudFormation short tags',
      text: yaml('Resources:', '  V:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: !Ref Cidr', '      Tags: !If [HasTags, [], !Ref AWS::NoValue]'),
    },
    { name: 'Helm template: reported by not-checked instead', uri: 'chart/templates/svc.yaml', text: yaml('{{- if .Values.enabled }}', 'apiVersion: v1', 'kind: Service', '{{- end }}') },
    { name: 'broken JSON that is not a template belongs to other tools', uri: 'package.json', text: '{"name": "x",' },
    { name: 'aliases after their anchors, and an asterisk in a string', text: yaml('a: &x 1', 'b: *x', 'c: "*not-an-alias"') },
    { name: 'JSON template', uri: 't.json', text: '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}' },
  ],
  invalid: [
    { name: 'unclosed flow sequence', text: yaml('a: [1, 2', 'b: 3'), errors: [{ line: 2 }] },
    {
      name: 'each broken document is reported, others still parse',
      text: yaml('a: 1', '---', 'b: : c', '---', 'k: [', '---', 'k: v', 'k: w'),
      errors: [
        { line: 3, severity: 'error' },
        { line: 5, severity: 'error' },
      ],
    },
    // One problem, one finding: the parser's later errors are counted in the message, not listed.
    {
      name: 'a stray ] makes four parser errors: one finding',
      text: yaml('a: 1', ']', 'b: 2'),
      errors: [{ line: 2, severity: 'error', message: /^Unexpected flow-seq-end token in YAML stream: "\]" \(The parser reports 3 more problems after this point/ }],
    },
    {
      name: 'an unclosed quote is reported where it opens, not at the end',
      text: yaml('a: "unclosed', 'b: 3', 'c: 4'),
      errors: [{ line: 1, message: /^Missing closing " quote: the quoted string that starts here is never closed\.$/ }],
    },
    { name: 'a dedented sequence item: one finding', text: yaml('k:', '  - a', '  - b', ' - c'), errors: [{ line: 4, message: /2 more problems/ }] },
    { name: 'a value followed by a deeper key: one finding', text: yaml('a: 1', '  b: 2'), errors: [{ line: 1, message: /1 more problem after/ }] },
    {
      name: 'a lenient line next to a real error: the real error only, since the lenient reading is not used',
      text: yaml('a:', '  b: "foo', 'bar"', 'c:', '\td: 1'),
      errors: [{ line: 2 }],
    },
    { name: 'an alias with no anchor', text: yaml('vpc:', '  extraCIDRs: [*nope]', 'x: &later 1', 'y: *later'), errors: [{ line: 2, message: /Unresolved alias \*nope/ }] },
    { name: 'an alias used before its anchor', text: yaml('a: *b', 'c: &b 1'), errors: [{ line: 1, message: /no anchor &b comes before it/ }] },
    { name: 'tab indentation', text: 'a:\n\tb: 1\n', errors: [{ line: 2 }] },
    { name: 'truncated JSON template', uri: 't.json', text: '{"AWSTemplateFormatVersion": "2010-09-09",\n "Resources": {"V": {"Type": "AWS::EC2::VPC"', errors: [{ line: 2 }] },
  ],
});
