import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './not-checked';

ruleTester(rule, {
  valid: [
    yaml('apiVersion: v1', 'kind: ConfigMap'),
    { name: 'a template whose documents all parse', uri: 'chart/templates/cm.yaml', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: "{{ .Release.Name }}"') },
  ],
  invalid: [
    { name: 'binary data', text: 'a: 1\u0000\u0001\u0002', errors: [{ line: 1, severity: 'information', message: /binary data/ }] },
    { name: 'too large', text: 'a: 1\n'.repeat(100), config: { maxFileBytes: 100 }, errors: [{ line: 1, message: /above the 0\.0 MB limit|limit for checking/ }] },
    {
      name: 'Helm control structures that are not YAML',
      uri: 'chart/templates/deploy.yaml',
      text: yaml('apiVersion: v1', 'kind: ConfigMap', 'data:', '  {{- range .Values.items }}', '  {{ .name }}: {{ .value }}', '  {{- end }}'),
      errors: [{ line: 4, message: /Helm template/ }],
    },
  ],
});
