// Hand-written facts for the address-map tests (imported only by *.test.ts).
import { parseCidr } from '../net/cidr';
import type { SubnetFact, VpcFact } from '../workspace/facts';

export const cidr = (text: string) => {
  const p = parseCidr(text);
  if (!p.ok) throw new Error(p.reason);
  return p.value;
};
export const at = (uri: string, line: number) => ({ uri, range: { start: { line, character: 0 }, end: { line, character: 1 } } });

/** A VPC fact written by hand: blocks and subnets as [name, cidr, az?, tier?], each on its own line. */
export function vpcFact(name: string, blocks: string[], subnets: Array<[string, string | undefined, string?, SubnetFact['tier']?]>, uri = `file:///ws/${name}.yaml`): VpcFact {
  return {
    ...at(uri, 1),
    name,
    source: 'cloudformation',
    document: 0,
    existing: false,
    cidrs: blocks.map((b, i) => ({ ...at(uri, 2 + i), cidr: cidr(b) })),
    subnets: subnets.map(([n, c, az, tier], i) => ({ ...at(uri, 10 + i), name: n, ...(c ? { cidr: cidr(c) } : {}), ...(az ? { az } : {}), ...(tier ? { tier } : {}) })),
  };
}

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw "<" at ${where}`);
  return raw.replace(/&([^;\s&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`unterminated entity "${whole}" at ${where}`);
    if (name in ENTITIES) return ENTITIES[name];
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    throw new Error(`unknown entity "${whole}" at ${where}`);
  });
}

/** A strict, small XML reader: one root, balanced tags, quoted unique attributes, known entities
 *  only, no raw `<` or `&` in text. Throws with the offset of the first fault. */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const NAME = /[A-Za-z_][\w.:-]*/y;
  const readName = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(source);
    if (!m) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i])) i++;
  };
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) throw new Error(`unterminated comment at ${i}`);
      i = end + 3;
    } else if (source.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (source[i] !== '>') throw new Error(`expected ">" at ${i}`);
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}> at ${i}`);
    } else if (source[i] === '<') {
      i++;
      const name = readName();
      const attrs: Record<string, string> = {};
      for (;;) {
        const before = i;
        skipSpace();
        if (source.startsWith('/>', i) || source[i] === '>') break;
        if (i === before) throw new Error(`expected a space before an attribute at ${i}`);
        const key = readName();
        if (key in attrs) throw new Error(`duplicate attribute ${key} at ${i}`);
        if (source[i] !== '=') throw new Error(`expected "=" after ${key} at ${i}`);
        const quote = source[i + 1];
        if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${key} at ${i}`);
        const end = source.indexOf(quote, i + 2);
        if (end < 0) throw new Error(`unterminated attribute ${key} at ${i}`);
        attrs[key] = decode(source.slice(i + 2, end), i);
        i = end + 1;
      }
      const element: XmlElement = { name, attrs, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(element);
      else if (root) throw new Error(`a second root element <${name}> at ${i}`);
      else root = element;
      if (source.startsWith('/>', i)) i += 2;
      else {
        i++;
        stack.push(element);
      }
    } else {
      const end = source.indexOf('<', i);
      const raw = source.slice(i, end < 0 ? source.length : end);
      const value = decode(raw, i);
      if (stack.length) stack[stack.length - 1].text += value;
      else if (value.trim()) throw new Error(`text outside the root at ${i}`);
      i += raw.length;
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}
