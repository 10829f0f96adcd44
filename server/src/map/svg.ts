// The address map drawn as a standalone SVG: one bar per VPC block, from its network address on
// the left to its broadcast address on the right, with subnets, free blocks, overlaps and marked
// ranges placed to scale. Output depends only on the map (no dates, no random ids), so the same
// files always give the same bytes. Colours are fixed for a light background; the HTML page
// themes the parts that sit on the background through CSS classes.
import type { AddressMap, MapBlock, MapTier, MapVpc, MarkKind, Span } from './model';

export interface SvgOptions {
  readonly title?: string;
}

/** Geometry shared with the tests and the HTML page. */
export const LAYOUT = {
  width: 960,
  margin: 24,
  barX: 24,
  barWidth: 912,
  barHeight: 40,
} as const;

export const TIER_COLOURS: Record<MapTier, { fill: string; stroke: string; label: string }> = {
  public: { fill: '#cfe3fa', stroke: '#1f5f99', label: 'public subnet' },
  private: { fill: '#d5eccf', stroke: '#2e6b30', label: 'private subnet' },
  'vpn-only': { fill: '#e6d9f2', stroke: '#5e3a8c', label: 'VPN-only subnet' },
  unknown: { fill: '#e4e4e4', stroke: '#555555', label: 'subnet (tier not known)' },
};

export const MARK_COLOURS: Record<MarkKind, { fill: string; stroke: string; label: string }> = {
  reserved: { fill: '#f2b705', stroke: '#8a6200', label: 'reserved range' },
  service: { fill: '#2a9d9f', stroke: '#16595a', label: 'service CIDR' },
  vpc: { fill: '#d32f2f', stroke: '#8e1b1b', label: 'another VPC' },
};

const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const ALERT = '#b3261e';
const FREE = { fill: '#fafafa', stroke: '#8c8c8c' };
const OVERLAP = { fill: 'url(#eks-lens-hatch)', stroke: '#b3261e' };
const SANS = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif";
const MONO = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";
/** Approximate advance of one character of the 11px monospace labels. */
const CHAR = 6.7;
const LIST_CHARS = Math.floor(LAYOUT.barWidth / 6.2);

/** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export function escapeXml(text: string): string {
  // One pass: maps are drawn with many thousands of attributes.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"']/g, (c) => XML_ENTITIES[c] ?? '');
}

/** A coordinate with at most two decimals, the same text for the same value. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** A whole number with thousands separators, as `toLocaleString('en-US')` writes it (without its cost per call). */
export const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Names as a list, with how many more there are: `a, b and 3 more`. */
export function nameList(names: readonly string[], more = 0, last = ' and '): string {
  if (more > 0) return `${names.join(', ')} and ${count(more)} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')}${last}${names[names.length - 1]}` : (names[0] ?? '');
}

/** The sentence a map says for what its limits left out, e.g. `… and 800 more VPCs not drawn`. */
export function notDrawnText(n: number, what: string): string {
  return `… and ${count(n)} more ${what} not drawn`;
}

/** The "not drawn" sentences of one block. */
export function blockNotDrawn(b: MapBlock): string[] {
  return [
    ...(b.notDrawn.free ? [notDrawnText(b.notDrawn.free, 'free blocks')] : []),
    ...(b.notDrawn.overlaps ? [notDrawnText(b.notDrawn.overlaps, 'overlaps')] : []),
    ...(b.notDrawn.marks ? [notDrawnText(b.notDrawn.marks, 'marked ranges')] : []),
  ];
}

/** The "not drawn" sentences of one VPC (its blocks' excepted). */
export function vpcNotDrawn(v: MapVpc): string[] {
  return [
    ...(v.notDrawn.blocks ? [notDrawnText(v.notDrawn.blocks, 'blocks')] : []),
    ...(v.notDrawn.subnets ? [notDrawnText(v.notDrawn.subnets, 'subnets')] : []),
    ...(v.notDrawn.unplaced ? [notDrawnText(v.notDrawn.unplaced, 'subnets without an IPv4 CIDR')] : []),
  ];
}

/** The words for an overlap of subnets. */
export function overlapText(o: MapBlock['overlaps'][number]): string {
  return `${nameList(o.subnets, o.more)} ${o.subnets.length + o.more > 2 ? 'all' : 'both'} claim ${o.cidr}`;
}

/** The words for a group of VPCs sharing addresses. */
export function vpcOverlapText(o: AddressMap['vpcOverlaps'][number]): string {
  return `${nameList(
    o.members.map((m) => `${m.vpc} (${m.block}, ${where(m)})`),
    o.more,
  )} share ${o.cidr}`;
}
export const where = (p: { uri: string; line: number; file?: string }) => `${p.file ?? p.uri}:${p.line + 1}`;

/** The text of each bar's items, for tooltips, aria-labels and the text list. */
export function describeSubnet(s: MapBlock['subnets'][number]): string {
  const parts = [`${TIER_COLOURS[s.tier].label} ${s.name}`, s.cidr];
  if (s.cidr !== s.network) parts.push(`(block ${s.network})`);
  if (s.az) parts.push(`in ${s.az}`);
  parts.push(`${count(s.addresses)} addresses`);
  if (s.overlapsWith.length) parts.push(`overlaps ${nameList(s.overlapsWith, s.overlapsWithMore, ', ')}`);
  if (s.partlyOutside) parts.push('partly outside the VPC');
  return `${parts.join(', ')}; ${where(s)}`;
}

interface Out {
  lines: string[];
  y: number;
}

function attrs(record: Record<string, string | number | undefined>): string {
  return Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

function text(out: Out, x: number, y: number, content: string, a: Record<string, string | number | undefined> = {}): void {
  out.lines.push(`<text${attrs({ x: num(x), y: num(y), ...a })}>${escapeXml(content)}</text>`);
}

/** Splits a list of phrases into lines of at most `max` characters. */
function wrap(prefix: string, items: readonly string[], max = LIST_CHARS): string[] {
  const lines: string[] = [];
  let current = prefix;
  for (const [i, item] of items.entries()) {
    const piece = item + (i < items.length - 1 ? ',' : '');
    if (current.length + piece.length + 1 > max && current.trim() !== prefix.trim()) {
      lines.push(current);
      current = '  ' + piece;
    } else current += (current.endsWith(' ') || current === '' ? '' : ' ') + piece;
  }
  lines.push(current);
  return lines;
}

function itemRect(out: Out, span: Span, y: number, h: number, a: Record<string, string | number | undefined>, title: string): void {
  const x = LAYOUT.barX + span.offset * LAYOUT.barWidth;
  // A block too narrow to see keeps its true position and gets a visible minimum width.
  const w = Math.max(span.width * LAYOUT.barWidth, 1.5);
  out.lines.push(`<rect${attrs({ ...a, x: num(x), y: num(y), width: num(w), height: num(h), 'aria-label': title })}><title>${escapeXml(title)}</title></rect>`);
}

function drawBlock(out: Out, vpc: MapVpc, block: MapBlock, numbers: Map<object, number>): void {
  const { barX, barWidth, barHeight } = LAYOUT;
  const label = `${block.primary ? 'Primary block' : 'Secondary block'} ${block.cidr}${block.defaulted ? ' (eksctl default, not written)' : ''}`;
  out.y += 16;
  text(out, barX, out.y, `${label} · ${count(block.addresses)} addresses`, { class: 'fg', fill: INK, 'font-size': 12, 'font-weight': 600 });
  // Marks: one thin band each above the bar, so ranges that cover each other stay visible.
  const markY = (i: number) => out.y + 8 + i * 11;
  const barY = markY(block.marks.length) + 2;
  for (const [i, m] of block.marks.entries()) {
    const c = MARK_COLOURS[m.kind];
    const title = `${c.label}: ${m.label} ${m.cidr} covers ${m.start}–${m.end} of this block${m.uri !== undefined && m.line !== undefined ? `; ${where({ uri: m.uri, line: m.line, file: m.file })}` : ''}`;
    itemRect(
      out,
      m,
      markY(i),
      8,
      { class: `item mark mark-${m.kind}`, 'data-kind': `mark-${m.kind}`, 'data-uri': m.uri, 'data-line': m.line, role: 'img', fill: c.fill, stroke: c.stroke, 'stroke-width': 1 },
      title,
    );
  }
  // The block itself, network address to broadcast address.
  out.lines.push(
    `<rect${attrs({ class: 'item block-bar', 'data-kind': 'block', 'data-uri': block.uri, 'data-line': block.line, role: 'img', 'aria-label': `${vpc.name}: ${label}, ${block.first} to ${block.last}; ${where(block)}`, x: barX, y: num(barY), width: barWidth, height: barHeight, fill: '#ffffff', stroke: INK, 'stroke-width': 1 })}><title>${escapeXml(`${vpc.name}: ${label}, ${block.first} to ${block.last}; ${where(block)}`)}</title></rect>`,
  );
  for (const f of block.free) {
    itemRect(
      out,
      f,
      barY + 3,
      barHeight - 6,
      { class: 'item free', 'data-kind': 'free', 'data-uri': f.uri, 'data-line': f.line, role: 'img', fill: FREE.fill, stroke: FREE.stroke, 'stroke-dasharray': '3 2', 'stroke-width': 1 },
      `free ${f.cidr}, ${count(f.addresses)} addresses`,
    );
    const w = f.width * barWidth;
    const short = `free /${f.cidr.split('/')[1]}`;
    if (w >= f.cidr.length * CHAR + 8)
      text(out, barX + f.offset * barWidth + w / 2, barY + barHeight / 2 + 4, f.cidr, {
        'text-anchor': 'middle',
        fill: MUTED,
        'font-size': 11,
        'font-family': MONO,
        'aria-hidden': 'true',
        'pointer-events': 'none',
      });
    else if (w >= short.length * CHAR + 6)
      text(out, barX + f.offset * barWidth + w / 2, barY + barHeight / 2 + 4, short, {
        'text-anchor': 'middle',
        fill: MUTED,
        'font-size': 11,
        'font-family': MONO,
        'aria-hidden': 'true',
        'pointer-events': 'none',
      });
  }
  for (const s of block.subnets) {
    const c = TIER_COLOURS[s.tier];
    const flagged = s.partlyOutside || s.overlapsWith.length > 0;
    itemRect(
      out,
      s,
      barY,
      barHeight,
      {
        class: `item subnet tier-${s.tier}${flagged ? ' flagged' : ''}`,
        'data-kind': 'subnet',
        'data-uri': s.uri,
        'data-line': s.line,
        role: 'img',
        fill: c.fill,
        'fill-opacity': s.overlapsWith.length ? 0.85 : undefined,
        stroke: flagged ? ALERT : c.stroke,
        'stroke-width': flagged ? 2 : 1,
        'stroke-dasharray': s.partlyOutside ? '5 3' : undefined,
      },
      describeSubnet(s),
    );
  }
  for (const o of block.overlaps) {
    itemRect(
      out,
      o,
      barY,
      barHeight,
      { class: 'item overlap', 'data-kind': 'overlap', 'data-uri': o.uri, 'data-line': o.line, role: 'img', fill: OVERLAP.fill, stroke: OVERLAP.stroke, 'stroke-width': 2 },
      `overlap: ${overlapText(o)}; ${where(o)}`,
    );
  }
  // Labels last, with a halo, so an overlap drawn over a subnet does not hide its name.
  for (const s of block.subnets) {
    const x = barX + s.offset * barWidth;
    const w = s.width * barWidth;
    const n = String(numbers.get(s));
    const hidden = {
      'aria-hidden': 'true',
      'pointer-events': 'none',
      'font-family': MONO,
      'font-size': 11,
      fill: INK,
      stroke: '#ffffff',
      'stroke-width': 3,
      'stroke-opacity': 0.8,
      'paint-order': 'stroke',
    } as const;
    if (w >= Math.max(s.name.length, s.cidr.length) * CHAR + 8) {
      text(out, x + 4, barY + 16, s.name, hidden);
      text(out, x + 4, barY + 31, s.cidr, hidden);
    } else if (w >= n.length * CHAR + 4) {
      text(out, x + w / 2, barY + barHeight / 2 + 4, n, { ...hidden, 'text-anchor': 'middle', 'font-weight': 700 });
    }
  }
  out.y = barY + barHeight + 13;
  text(out, barX, out.y, block.first, { class: 'muted', fill: MUTED, 'font-size': 10, 'font-family': MONO });
  text(out, barX + barWidth, out.y, block.last, { class: 'muted', fill: MUTED, 'font-size': 10, 'font-family': MONO, 'text-anchor': 'end' });

  // The key under the bar: every subnet with its number, name, CIDR and zone.
  const rows = block.subnets.map((s) => `${numbers.get(s)}  ${s.name}  ${s.cidr}${s.az ? `  ${s.az}` : ''}`);
  const colWidth = Math.max(220, Math.min(barWidth, Math.max(0, ...rows.map((r) => r.length)) * 6.4 + 24));
  const cols = Math.max(1, Math.floor(barWidth / colWidth));
  out.y += 6;
  block.subnets.forEach((s, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const x = barX + col * (barWidth / cols);
    const y = out.y + 14 + row * 17;
    const c = TIER_COLOURS[s.tier];
    out.lines.push(`<rect${attrs({ x: num(x), y: num(y - 10), width: 12, height: 12, fill: c.fill, stroke: s.partlyOutside || s.overlapsWith.length ? ALERT : c.stroke, 'aria-hidden': 'true' })}/>`);
    text(out, x + 18, y, rows[i], { class: 'fg', fill: INK, 'font-size': 11, 'font-family': MONO, 'aria-hidden': 'true' });
  });
  out.y += Math.ceil(block.subnets.length / cols) * 17;
  const notes: { line: string; alert?: boolean }[] = [];
  if (block.free.length)
    for (const l of wrap(
      'Free:',
      block.free.map((f) => f.cidr),
    ))
      notes.push({ line: l });
  else notes.push({ line: 'Free: none' });
  for (const o of block.overlaps) notes.push({ line: `Overlap: ${overlapText(o)}`, alert: true });
  for (const s of block.subnets.filter((x) => x.partlyOutside)) notes.push({ line: `Partly outside the VPC: ${s.name} ${s.cidr}`, alert: true });
  for (const m of block.marks) {
    const line =
      m.kind === 'vpc'
        ? `Shares ${m.start}–${m.end} with ${m.label} (${m.cidr})`
        : m.kind === 'service'
          ? `Service CIDR ${m.cidr} (${m.label}) covers ${m.start}–${m.end}`
          : `Reserved range ${m.cidr} (${m.label}) covers ${m.start}–${m.end}`;
    notes.push({ line, alert: true });
  }
  for (const line of blockNotDrawn(block)) notes.push({ line, alert: true });
  for (const note of notes) {
    out.y += 16;
    text(out, barX, out.y, note.line, note.alert ? { fill: ALERT, 'font-size': 11, 'font-weight': 600 } : { class: 'fg', fill: INK, 'font-size': 11 });
  }
  out.y += 10;
}

function drawLegend(out: Out): void {
  const entries: { label: string; fill: string; stroke: string; dash?: string }[] = [
    ...Object.values(TIER_COLOURS),
    { label: 'free block', fill: FREE.fill, stroke: FREE.stroke, dash: '3 2' },
    { label: 'overlap', fill: OVERLAP.fill, stroke: OVERLAP.stroke },
    ...Object.values(MARK_COLOURS).map((m) => ({ ...m, label: m.label === 'another VPC' ? 'shared with another VPC' : m.label })),
  ];
  out.lines.push('<g class="legend" aria-label="Legend">');
  let x = LAYOUT.margin;
  out.y += 22;
  for (const e of entries) {
    const w = 18 + e.label.length * 6.4 + 18;
    if (x + w > LAYOUT.width - LAYOUT.margin) {
      x = LAYOUT.margin;
      out.y += 20;
    }
    out.lines.push(`<rect${attrs({ x: num(x), y: num(out.y - 11), width: 14, height: 14, fill: e.fill, stroke: e.stroke, 'stroke-dasharray': e.dash })}/>`);
    text(out, x + 20, out.y, e.label, { class: 'fg', fill: INK, 'font-size': 12 });
    x += w;
  }
  out.lines.push('</g>');
  out.y += 8;
}

function drawVpc(out: Out, vpc: MapVpc, index: number): void {
  out.lines.push(`<g${attrs({ class: 'vpc', 'aria-label': `VPC ${vpc.name}` })}>`);
  out.y += 30;
  out.lines.push(`<line${attrs({ x1: LAYOUT.margin, x2: LAYOUT.width - LAYOUT.margin, y1: num(out.y - 20), y2: num(out.y - 20), stroke: '#c8c8c8', class: 'rule' })}/>`);
  text(out, LAYOUT.margin, out.y, `${index + 1}. VPC ${vpc.name}`, { class: 'fg', fill: INK, 'font-size': 15, 'font-weight': 700, 'data-uri': vpc.uri, 'data-line': vpc.line });
  const used = vpc.totalAddresses ? ` · ${count(vpc.usedAddresses)} of ${count(vpc.totalAddresses)} addresses in subnets (${num((100 * vpc.usedAddresses) / vpc.totalAddresses)}%)` : '';
  out.y += 17;
  text(out, LAYOUT.margin, out.y, `${vpc.source === 'eksctl' ? 'eksctl ClusterConfig' : 'CloudFormation template'} · ${where(vpc)}${vpc.existing ? ' · existing VPC' : ''}${used}`, {
    class: 'muted',
    fill: MUTED,
    'font-size': 11,
  });
  if (vpc.serviceCidr) {
    const inside = vpc.blocks.some((b) => b.marks.some((m) => m.kind === 'service' && m.uri === vpc.serviceCidr!.uri && m.line === vpc.serviceCidr!.line));
    out.y += 16;
    text(
      out,
      LAYOUT.margin,
      out.y,
      `Service CIDR ${vpc.serviceCidr.cidr}${inside ? ' overlaps this VPC' : ' (outside the VPC)'}`,
      inside ? { fill: ALERT, 'font-size': 11, 'font-weight': 600 } : { class: 'fg', fill: INK, 'font-size': 11 },
    );
  }
  const numbers = new Map<object, number>();
  let n = 0;
  for (const b of vpc.blocks) for (const s of b.subnets) numbers.set(s, ++n);
  for (const b of vpc.blocks) drawBlock(out, vpc, b, numbers);
  if (vpc.source === 'eksctl' && !vpc.existing && !vpc.blocks.some((b) => b.subnets.length) && !vpc.outside.length) {
    out.y += 16;
    text(out, LAYOUT.margin, out.y, 'No subnets written: eksctl divides the block into subnets itself when it creates the VPC.', {
      class: 'muted',
      fill: MUTED,
      'font-size': 11,
      'font-style': 'italic',
    });
  }
  if (!vpc.blocks.length) {
    out.y += 18;
    text(out, LAYOUT.margin, out.y, 'No IPv4 block to draw.', { class: 'fg', fill: INK, 'font-size': 12 });
  }
  const extra: { line: string; alert?: boolean }[] = [];
  for (const b of vpc.ipv6Blocks) extra.push({ line: `IPv6 block ${b.cidr} (listed, not drawn)` });
  for (const s of vpc.outside) extra.push({ line: `Outside every block of the VPC: ${s.name} ${s.cidr}${s.az ? ` ${s.az}` : ''} (${where(s)})`, alert: true });
  for (const s of vpc.unplaced) extra.push({ line: `Not drawn: ${s.name}${s.cidr ? ` ${s.cidr}` : ''}${s.az ? ` ${s.az}` : ''}: ${s.reason}` });
  for (const line of vpcNotDrawn(vpc)) extra.push({ line, alert: true });
  for (const e of extra) {
    out.y += 16;
    text(out, LAYOUT.margin, out.y, e.line, e.alert ? { fill: ALERT, 'font-size': 11, 'font-weight': 600 } : { class: 'fg', fill: INK, 'font-size': 11 });
  }
  out.lines.push('</g>');
}

/** A plain-language summary of the map, for <desc> and the page. */
export function summaryText(map: AddressMap): string {
  if (!map.vpcs.length) return 'No VPC was found in the given files.';
  const subnets = map.vpcs.reduce((n, v) => n + v.blocks.reduce((m, b) => m + b.subnets.length, 0) + v.outside.length, 0);
  const overlapsCount = map.vpcs.reduce((n, v) => n + v.blocks.reduce((m, b) => m + b.overlaps.length, 0), 0);
  const outside = map.vpcs.reduce((n, v) => n + v.outside.length + v.blocks.reduce((m, b) => m + b.subnets.filter((s) => s.partlyOutside).length, 0), 0);
  const parts = [`${map.vpcs.length} VPC${map.vpcs.length === 1 ? '' : 's'} with ${subnets} subnet${subnets === 1 ? '' : 's'}`];
  parts.push(overlapsCount ? `${overlapsCount} subnet overlap${overlapsCount === 1 ? '' : 's'}` : 'no subnet overlaps');
  if (outside) parts.push(`${outside} subnet${outside === 1 ? '' : 's'} outside the VPC`);
  const groups = map.vpcOverlaps.length + map.notDrawn.vpcOverlaps;
  parts.push(groups ? `${groups} group${groups === 1 ? '' : 's'} of VPCs sharing addresses` : 'no VPCs sharing addresses');
  if (map.notDrawn.vpcs) parts.push(`${count(map.notDrawn.vpcs)} more VPCs not drawn`);
  return parts.join(', ') + '.';
}

/** The SVG element alone (no XML declaration), for embedding; `interactive` lets its items be controls. */
export function svgElement(map: AddressMap, options: SvgOptions & { interactive?: boolean } = {}): string {
  const title = options.title ?? 'VPC address map';
  const out: Out = { lines: [], y: 0 };
  out.y = 34;
  text(out, LAYOUT.margin, out.y, title, { class: 'fg', fill: INK, 'font-size': 20, 'font-weight': 700 });
  out.y += 20;
  text(out, LAYOUT.margin, out.y, summaryText(map), { class: 'muted', fill: MUTED, 'font-size': 12 });
  drawLegend(out);
  if (!map.vpcs.length) {
    out.y += 40;
    text(out, LAYOUT.width / 2, out.y, 'No VPC found: no eksctl ClusterConfig or CloudFormation VPC in the given files.', { class: 'fg', fill: INK, 'font-size': 14, 'text-anchor': 'middle' });
    out.y += 20;
  }
  map.vpcs.forEach((vpc, i) => drawVpc(out, vpc, i));
  if (map.notDrawn.vpcs) {
    out.y += 30;
    text(out, LAYOUT.margin, out.y, notDrawnText(map.notDrawn.vpcs, 'VPCs'), { fill: ALERT, 'font-size': 13, 'font-weight': 700 });
  }
  if (map.vpcOverlaps.length) {
    out.y += 30;
    text(out, LAYOUT.margin, out.y, 'VPCs that share addresses', { fill: ALERT, 'font-size': 15, 'font-weight': 700 });
    for (const o of map.vpcOverlaps) {
      out.y += 17;
      const at = o.members[1] ?? o.members[0];
      text(out, LAYOUT.margin, out.y, vpcOverlapText(o), { fill: ALERT, 'font-size': 11, 'data-uri': at.uri, 'data-line': at.line });
    }
    if (map.notDrawn.vpcOverlaps) {
      out.y += 17;
      text(out, LAYOUT.margin, out.y, notDrawnText(map.notDrawn.vpcOverlaps, 'groups of VPCs sharing addresses'), { fill: ALERT, 'font-size': 11 });
    }
  }
  const height = Math.ceil(out.y + LAYOUT.margin);
  const head = `<svg${attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    width: LAYOUT.width,
    height,
    viewBox: `0 0 ${LAYOUT.width} ${height}`,
    class: 'eks-lens-map',
    role: options.interactive ? 'group' : 'img',
    'aria-labelledby': 'eks-lens-map-title eks-lens-map-desc',
    'font-family': SANS,
  })}>`;
  return [
    head,
    `<title id="eks-lens-map-title">${escapeXml(title)}</title>`,
    `<desc id="eks-lens-map-desc">${escapeXml(summaryText(map))}</desc>`,
    '<defs><pattern id="eks-lens-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f4c7c3" fill-opacity="0.6"/><rect width="3" height="6" fill="#d32f2f"/></pattern></defs>',
    `<rect class="background" x="0" y="0" width="${LAYOUT.width}" height="${height}" fill="#ffffff"/>`,
    ...out.lines,
    '</svg>',
  ].join('\n');
}

/** A standalone SVG document. */
export function renderSvg(map: AddressMap, options: SvgOptions = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgElement(map, options)}\n`;
}
