import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './yaml-under-indented';

ruleTester(rule, {
  valid: [
    { name: 'continuation lines indented past the key', text: yaml('a:', '  b: "foo', '    bar"', '  c: [1,', '    2]') },
    { name: 'a line past the key though not past the quote is valid YAML 1.2', text: yaml('a:', "  b: 'x", "   y'") },
    { name: 'a real syntax error next to a lenient line: yaml-syntax reports it, the lenient reading is not used', text: yaml('a:', '  b: "foo', 'bar"', 'c:', '\td: 1') },
    { name: 'Helm template files: not-checked reports them', uri: 'chart/templates/cm.yaml', text: yaml('data:', '  x: "{{ .Values.a }}', 'b"') },
  ],
  invalid: [
    {
      name: 'a quoted string whose continuation line is not indented: one warning there, related to where it opens',
      text: yaml('Resources:', '  R:', '    Properties:', '      Description: "line one', '      line two', 'line three"'),
      // `line two` is not indented past `Description` either (YAML 1.2 wants more than its 6 spaces).
      errors: [
        {
          line: 5,
          message:
            /^This continuation line of a quoted string is not indented past the key that holds the string\. YAML 1\.2 requires that indentation; PyYAML, go-yaml \(kubectl, eksctl\) and CloudFormation accept the line as written/,
        },
      ],
    },
    { name: 'a flow sequence with a line at the left margin: one warning', text: yaml('a:', '  b: [1,', '2]', '  c: 1'), errors: [{ line: 3, message: /^This line inside a flow sequence/ }] },
    { name: 'a flow mapping continued at its key’s column', text: yaml('a:', '  b: {x: 1,', '  z: 2}'), errors: [{ line: 3, message: /^This line inside a flow mapping/ }] },
    { name: 'one finding per string, at the first line YAML 1.2 refuses', text: yaml('a:', "  b: '[", '    x', "  ]'"), errors: [{ line: 4 }] },
    { name: 'each string of a document once', text: yaml('a:', '  b: "one', 'two"', '  c: "three', 'four"'), errors: [{ line: 3 }, { line: 5 }] },
  ],
});
