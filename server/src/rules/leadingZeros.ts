// IPv4 numbers written with leading zeros (`010.0.0.0/16`), shared by cidr-syntax and ip-syntax.
// Readers disagree: Go's net package refuses them since Go 1.17 (so eksctl refuses its CIDR
// fields), the Kubernetes API server still accepts them in its legacy IP and CIDR fields, reading
// decimal and returning a warning, unless the alpha StrictIPCIDRValidation gate is on
// (staging/src/k8s.io/apimachinery/pkg/util/validation/ip.go, KEP-4858), and how EC2 reads them is
// not documented. Severity follows docs/rules/README.md: an error only where the reader refuses it.
import type { AddressField } from '../formats';
import type { Report } from '../engine/rule';
import { withoutLeadingZeros } from '../net/cidr';

/** The finding for a value whose only fault is leading zeros; undefined when it has other faults. */
export function leadingZerosFinding(field: AddressField, parses: (text: string) => boolean): Report | undefined {
  if (field.value === undefined) return undefined;
  const plain = withoutLeadingZeros(field.value);
  if (plain === undefined || !parses(plain)) return undefined;
  const said = `${field.path} is written with leading zeros ("${field.value}"), which some tools read as octal and others as decimal (${plain}).`;
  if (field.leadingZerosRejected) {
    return { target: field.node, severity: 'error', message: `${said} eksctl refuses it: it reads this field with Go's address parser, which rejects leading zeros. Write ${plain}.` };
  }
  const reader =
    field.origin === 'kubernetes'
      ? 'The API server accepts it today with a warning and reads it as decimal, but it will refuse it once strict IP validation is on.'
      : 'How AWS reads it is not documented.';
  return { target: field.node, severity: 'warning', message: `${said} ${reader} Write ${plain}.` };
}
