import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './ip-syntax';

const service = (...spec: string[]) => yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', ...spec.map((l) => `  ${l}`));

ruleTester(rule, {
  valid: [
    service('clusterIP: 10.100.0.10', 'clusterIPs: [10.100.0.10, "fd00::a"]'),
    { name: 'headless Service', text: service('clusterIP: None', 'clusterIPs: [None]') },
    { name: 'empty clusterIP asks for an automatic address', text: service('clusterIP: ""') },
    service('externalIPs: [198.51.100.20]', 'loadBalancerIP: 203.0.113.9'),
    { name: 'not a core Service', text: yaml('apiVersion: example.com/v1', 'kind: Service', 'spec:', '  clusterIP: banana') },
  ],
  invalid: [
    { name: 'bad octet', text: service('clusterIP: 10.100.0.300'), errors: [{ line: 5, severity: 'error', message: /octet 300.*\(or None\)|or None.*octet 300/ }] },
    { name: 'a range where an address is wanted', text: service('externalIPs: [198.51.100.0/24]'), errors: [{ line: 5, message: /single address/ }] },
    { name: 'none in lower case is not None', text: service('clusterIP: none'), errors: [{ line: 5 }] },
    {
      name: 'leading zero: the API server accepts it with a warning, so a warning',
      text: service('loadBalancerIP: 10.0.0.010'),
      errors: [{ line: 5, severity: 'warning', message: /^spec\.loadBalancerIP is written with leading zeros \("10\.0\.0\.010"\).*accepts it today with a warning.*Write 10\.0\.0\.10\.$/ }],
    },
    { name: 'leading zero and too large: an error', text: service('loadBalancerIP: 10.0.0.0300'), errors: [{ line: 5, severity: 'error' }] },
    { name: 'a number', text: service('clusterIP: 10'), errors: [{ line: 5, message: /written as a string/ }] },
    { name: 'each clusterIPs entry', text: service('clusterIPs:', '- 10.100.0.10', '- "fd00::zz"'), errors: [{ line: 7, message: /IPv6/ }] },
  ],
});
