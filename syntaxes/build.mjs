// Writes the address-highlighting injection grammars in this folder from the regular expressions
// below, which are easier to read and review here than as escaped JSON.
//   node syntaxes/build.mjs           rewrite the .json files
//   node syntaxes/build.mjs --check   exit 1 when a .json file differs from what this would write
// test/grammar.test.ts runs the check, and tokenises samples with the grammars (README.md here).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---- Addresses ----------------------------------------------------------------------------------

/** One IPv4 octet, 0–255, without leading zeros (010 is octal to some parsers: not matched). */
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`;

/** IPv6: eight groups, or fewer with one `::`, optionally ending in an IPv4 address (two groups). */
const H = '[0-9A-Fa-f]{1,4}';
const IPV6_FORMS = [
  // With an IPv4 tail (::ffff:10.0.0.1, 64:ff9b::192.0.2.33): k groups, ::, m groups, k + m ≤ 5.
  `(?:${H}:){6}${IPV4}`,
  `::(?:${H}:){0,5}${IPV4}`,
  `${H}::(?:${H}:){0,4}${IPV4}`,
  `(?:${H}:){2}:(?:${H}:){0,3}${IPV4}`,
  `(?:${H}:){3}:(?:${H}:){0,2}${IPV4}`,
  `(?:${H}:){4}:(?:${H}:)?${IPV4}`,
  `(?:${H}:){5}:${IPV4}`,
  // Hexadecimal groups only.
  `(?:${H}:){7}${H}`,
  `(?:${H}:){1,7}:`,
  `(?:${H}:){1,6}:${H}`,
  `(?:${H}:){1,5}(?::${H}){1,2}`,
  `(?:${H}:){1,4}(?::${H}){1,3}`,
  `(?:${H}:){1,3}(?::${H}){1,4}`,
  `(?:${H}:){1,2}(?::${H}){1,5}`,
  `${H}:(?::${H}){1,6}`,
  `:(?::${H}){1,7}`,
];
// A digit somewhere in the address keeps words such as `dead::beef` or `Face::Cafe` out; `::` alone
// (the unspecified address, and `::/0`) is the one address without one.
const IPV6 = `(?:(?=[0-9A-Fa-f:.]*[0-9])(?:${IPV6_FORMS.join('|')})|::)`;

const PREFIX4 = '(?:3[0-2]|[12]?[0-9])';
const PREFIX6 = '(?:12[0-8]|1[01][0-9]|[1-9]?[0-9])';

// An address is a word of its own: not part of a version (v1.2.3.4, 1.2.3.4.5), a host name
// (10.0.0.1.nip.io), an identifier (ip_10.0.0.1), a longer run of colons and hex digits (MAC
// addresses, times, AWS::EC2::VPC), a range written with a hyphen, or `a.b.c.d/e.f.g.h` (address
// and netmask). It may sit in a URL (http://10.0.0.1/path), after `=` or `@`, in brackets, or end a
// sentence with a full stop.
const BEFORE = '(?<![\\w.:-]|[^/]/)';
const AFTER = '(?![\\w-]|/[0-9]|[.:][\\w.:])';
/** An IPv4 address may be followed by a port: 10.0.0.1:443. */
const AFTER_IPV4 = `(?=:[0-9]{1,5}(?![\\w:/-]|\\.\\w))|${AFTER}`;
/**
 * An IPv6 address ending in `::` is not followed by a space, the end of the line or a flow
 * indicator: in a YAML plain scalar that colon is a mapping indicator (`key: fd00::` is a key
 * `fd00:` to YAML). Quoted, as in "fd00::" or JSON, it is an address.
 */
const IPV6_END = '(?:(?<!:)|(?![\\s,\\[\\]{}]|$))';

const S = 'eks-lens';
const cidrCaptures = (family) => ({
  0: { name: `meta.cidr.${family}.${S}` },
  1: { name: `constant.numeric.cidr.address.${S}` },
  2: { name: `punctuation.separator.cidr.${S}` },
  3: { name: `constant.numeric.cidr.prefix-length.${S}` },
});

const CIDR_IPV4 = `${BEFORE}(${IPV4})(/)(${PREFIX4})${AFTER}`;
const CIDR_IPV6 = `${BEFORE}(${IPV6})(/)(${PREFIX6})${AFTER}`;
const ADDRESS_IPV4 = `${BEFORE}${IPV4}(?:${AFTER_IPV4})`;
const ADDRESS_IPV6 = `${BEFORE}${IPV6}${IPV6_END}${AFTER}`;

/** The patterns the grammars share: CIDR blocks before bare addresses, at the same start. */
const repository = {
  addresses: {
    patterns: [{ include: '#cidr-ipv6' }, { include: '#cidr-ipv4' }, { include: '#ipv6' }, { include: '#ipv4' }],
  },
  'cidr-ipv4': { match: CIDR_IPV4, captures: cidrCaptures('ipv4') },
  'cidr-ipv6': { match: CIDR_IPV6, captures: cidrCaptures('ipv6') },
  ipv4: { match: ADDRESS_IPV4, name: `constant.numeric.ip-address.ipv4.${S}` },
  ipv6: { match: ADDRESS_IPV6, name: `constant.numeric.ip-address.ipv6.${S}` },
};

// ---- Where ---------------------------------------------------------------------------------------

// Inside strings only: YAML plain, quoted and block scalars, and JSON string values. Keys, comments,
// tags, anchors and directives are left alone. Inside a string the injection cannot change where
// the string starts or ends (no address contains a quote, a space, `#`, `,`, brackets or `: `), so
// every scope of the YAML and JSON grammars stays as it was; the address only gains its own scope.
// No `L:` priority here: where the YAML grammar itself matches at the same place inside a string
// (VS Code's grammar calls 10.0.0.2 a float in a `%YAML 1.1` document), its own scope is kept.
const main = {
  name: 'EKS Lens: IP addresses and CIDR blocks',
  scopeName: 'eks-lens.addresses.injection',
  injectionSelector: [
    'source.yaml string -comment -entity.name.tag -meta.map.key -meta.flow.map.key',
    // Only the rules below for the TextMate bundle grammar make a float a begin/end rule.
    'source.yaml constant.numeric.float.yaml -comment',
    'source.json string.quoted.double.json -support.type.property-name -comment',
  ].join(', '),
  patterns: [{ include: '#addresses' }],
  repository,
};

// VS Code before 1.96 shipped the TextMate bundle's YAML grammar, where a plain scalar's `begin`
// consumes its first character: an address in a plain scalar would be seen from its second
// character on, too late to match. These two grammars start that plain scalar themselves when it
// begins with an address, with the same scope and end as the YAML grammar's own rule, so that the
// injection above sees it whole. They apply only to that grammar (its scopes have no
// meta.stream.yaml, which VS Code's current YAML grammar puts around every document).
// In a selector `-` negates the one path after it, so each exclusion is a single scope, last.
const NOT_SCALAR = '-meta.stream.yaml -string -constant.numeric.float.yaml -comment -meta.directive -meta.property';
// The YAML grammar's own lookaheads for a key (block and flow), and its implicit types an address
// can look like: a bare IPv4 address is a float to it (`\.[.0-9]*`), an IPv6 address of decimal
// groups can be an integer or a float in base 60. Floats get a rule of the same scope (which the
// injection above also enters); base-60 integers are left to the YAML grammar.
const BLOCK_KEY = `(?:[^-\\]!"#%\\&'*,:>?@\\[\`{|}\\s]|[-:?]\\S)(?:[^:\\s]|:\\S|\\s+(?![#\\s]))*\\s*:(?:\\s|$)`;
const FLOW_KEY = `(?:[^-\\]!"#%\\&'*,:>?@\\[\`{|}\\s]|[-:?][^\\],\\[{}\\s])(?:[^\\],:\\[{}\\s]|:[^\\],\\[{}\\s]|\\s+(?![#\\s]))*\\s*:(?:\\s|$)`;
const FLOAT = '(?:[-+]?(?:[0-9][0-9_]*)?\\.[.0-9]*(?:[Ee][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*)';
const INT60 = '[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+';
const BLOCK_END = '(?=\\s*$|\\s+#|\\s*:(\\s|$))';
const FLOW_END = '(?=\\s*$|\\s+#|\\s*:(\\s|$)|\\s*:[\\],\\[{}]|\\s*[\\],\\[{}])';
/** Where the injection above will scope an address (and only there, so no token moves otherwise). */
const ADDRESS_AHEAD = `(?=${[CIDR_IPV6, CIDR_IPV4, ADDRESS_IPV6, ADDRESS_IPV4].map((re) => re.replace(/\((?!\?)/g, '(?:')).join('|')})`;

/** Rules that begin a plain scalar where the YAML grammar would, with the scope it would give. */
function plainScalar(before, key, end, stringScope) {
  const start = `${before}${ADDRESS_AHEAD}(?!${key})`;
  return [
    { begin: `${start}(?=${FLOAT}${end})`, end, name: 'constant.numeric.float.yaml' },
    { begin: `${start}(?!${INT60}${end})`, end, name: stringScope },
  ];
}

const legacyBlock = {
  name: 'EKS Lens: addresses in plain scalars of the TextMate bundle YAML grammar (block context)',
  scopeName: 'eks-lens.addresses.legacy-yaml-block.injection',
  // Not in an explicit key (`? key`, meta.block-mapping.yaml), which ends at a `:` where ::1 begins.
  injectionSelector: `L:source.yaml ${NOT_SCALAR} -meta.flow-sequence -meta.flow-mapping -meta.block-mapping`,
  // Not at the start of a line: VS Code's current grammar opens its meta.stream.yaml there, at the
  // first line that is not empty, and a scalar begun there first would replace its whole document.
  // (A document that is a lone address at the left margin is no EKS file.)
  patterns: plainScalar('(?!^)(?<![^\\s])', BLOCK_KEY, BLOCK_END, 'string.unquoted.plain.out.yaml'),
};

const legacyFlow = {
  name: 'EKS Lens: addresses in plain scalars of the TextMate bundle YAML grammar (flow context)',
  scopeName: 'eks-lens.addresses.legacy-yaml-flow.injection',
  injectionSelector: `L:source.yaml meta.flow-sequence ${NOT_SCALAR}, L:source.yaml meta.flow-mapping ${NOT_SCALAR}`,
  patterns: plainScalar('(?<![^\\s\\[{,])', FLOW_KEY, FLOW_END, 'string.unquoted.plain.in.yaml'),
};

const grammars = {
  'eks-lens-addresses.injection.json': main,
  'eks-lens-addresses.legacy-yaml-block.injection.json': legacyBlock,
  'eks-lens-addresses.legacy-yaml-flow.injection.json': legacyFlow,
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, grammar] of Object.entries(grammars)) {
  const full = path.join(here, file);
  const text = `${JSON.stringify(grammar, null, 2)}\n`;
  if (!check) writeFileSync(full, text);
  else {
    let old = '';
    try {
      old = readFileSync(full, 'utf8');
    } catch {}
    if (old !== text) {
      console.error(`${path.relative(process.cwd(), full)} is not what syntaxes/build.mjs writes: run node syntaxes/build.mjs`);
      stale++;
    }
  }
}
process.exit(stale ? 1 : 0);
