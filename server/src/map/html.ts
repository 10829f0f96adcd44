// The address map as a page: the SVG picture inline, themed with VS Code's CSS variables (with
// fallbacks, so the same page reads well opened from disk), followed by the same facts as tables
// for screen readers and for copying. In a webview the page carries a Content-Security-Policy and
// one small script, allowed by its nonce, that turns every placed item into a control opening
// its file at its line. Nothing is loaded from anywhere.
import type { AddressMap, MapVpc } from './model';
import { blockNotDrawn, count, escapeXml as esc, MARK_COLOURS, nameList, notDrawnText, summaryText, svgElement, TIER_COLOURS, vpcNotDrawn, where } from './svg';

export interface HtmlOptions {
  readonly title?: string;
  /** Set when the page is shown in a VS Code webview. */
  readonly webview?: { readonly cspSource: string; readonly nonce: string };
}

const STYLE = `
:root { color-scheme: light dark; }
body {
  margin: 0; padding: 16px 20px;
  background: var(--vscode-editor-background, #ffffff);
  color: var(--vscode-editor-foreground, #1a1a1a);
  font-family: var(--vscode-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
  font-size: var(--vscode-font-size, 13px);
}
h1 { font-size: 1.4em; margin: 0 0 4px; }
h2 { font-size: 1.15em; margin: 24px 0 6px; }
p.summary { margin: 0 0 12px; color: var(--vscode-descriptionForeground, #4d4d4d); }
.picture { overflow-x: auto; }
.picture svg { max-width: 100%; height: auto; }
.picture svg .background { fill: var(--vscode-editor-background, #ffffff); }
.picture svg .fg { fill: var(--vscode-editor-foreground, #1a1a1a); }
.picture svg .muted { fill: var(--vscode-descriptionForeground, #4d4d4d); }
.picture svg .block-bar { fill: var(--vscode-editor-background, #ffffff); stroke: var(--vscode-editor-foreground, #1a1a1a); }
.picture svg [data-uri] { cursor: pointer; }
.picture svg [data-uri]:focus, .picture svg [data-uri]:hover { outline: 2px solid var(--vscode-focusBorder, #0a64c8); outline-offset: 1px; }
table { border-collapse: collapse; margin: 4px 0 12px; }
th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--vscode-editorWidget-border, #d0d0d0); vertical-align: top; }
th { font-weight: 600; }
td.cidr { font-family: var(--vscode-editor-font-family, ui-monospace, 'DejaVu Sans Mono', monospace); }
tr.alert td { color: var(--vscode-errorForeground, #b3261e); font-weight: 600; }
button.place {
  font: inherit; padding: 0; border: 0; background: none; cursor: pointer;
  color: var(--vscode-textLink-foreground, #0a64c8); text-decoration: underline;
}
button.place:focus { outline: 2px solid var(--vscode-focusBorder, #0a64c8); }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 4px; vertical-align: -0.1em; border: 1px solid; }
`;

// Runs in the webview only. Every item with a place becomes a button; activating it asks the
// extension to open the file at the line.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const open = (el) => vscode.postMessage({ type: 'open', uri: el.getAttribute('data-uri'), line: Number(el.getAttribute('data-line')) });
  for (const el of document.querySelectorAll('[data-uri][data-line]')) {
    if (el.tagName.toLowerCase() !== 'button') {
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
    }
    el.addEventListener('click', () => open(el));
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open(el);
      }
    });
  }
})();
`;

type Row = { kind: string; name: string; cidr: string; az?: string; detail?: string; place?: { uri: string; line: number }; alert?: boolean; swatch?: string };

function placeCell(place: { uri: string; line: number } | undefined, interactive: boolean): string {
  if (!place) return '<td></td>';
  const label = esc(where(place));
  return interactive ? `<td><button type="button" class="place" data-uri="${esc(place.uri)}" data-line="${place.line}" aria-label="Open ${label}">${label}</button></td>` : `<td>${label}</td>`;
}

function vpcRows(vpc: MapVpc): Row[] {
  const rows: Row[] = [];
  for (const b of vpc.blocks) {
    rows.push({
      kind: b.primary ? 'primary block' : 'secondary block',
      name: '',
      cidr: b.cidr,
      detail: `${b.first} – ${b.last}, ${count(b.addresses)} addresses${b.defaulted ? ', eksctl default' : ''}`,
      place: b,
    });
    for (const s of b.subnets) {
      const notes = [`${count(s.addresses)} addresses`];
      if (s.overlapsWith.length) notes.push(`overlaps ${nameList(s.overlapsWith, s.overlapsWithMore, ', ')}`);
      if (s.partlyOutside) notes.push('partly outside the VPC');
      rows.push({
        kind: TIER_COLOURS[s.tier].label,
        name: s.name,
        cidr: s.cidr,
        az: s.az,
        detail: notes.join('; '),
        place: s,
        alert: s.partlyOutside || s.overlapsWith.length > 0,
        swatch: TIER_COLOURS[s.tier].fill,
      });
    }
    for (const f of b.free) rows.push({ kind: 'free block', name: '', cidr: f.cidr, detail: `${count(f.addresses)} addresses`, place: f });
    for (const o of b.overlaps) rows.push({ kind: 'overlap', name: nameList(o.subnets, o.more), cidr: o.cidr, place: o, alert: true });
    for (const m of b.marks) {
      rows.push({
        kind: MARK_COLOURS[m.kind].label,
        name: m.label,
        cidr: m.cidr,
        detail: `covers ${m.start} – ${m.end} of ${b.cidr}`,
        place: m.uri !== undefined && m.line !== undefined ? { uri: m.uri, line: m.line } : undefined,
        alert: true,
        swatch: MARK_COLOURS[m.kind].fill,
      });
    }
    for (const line of blockNotDrawn(b)) rows.push({ kind: 'not drawn', name: '', cidr: '', detail: line, alert: true });
  }
  for (const b of vpc.ipv6Blocks) rows.push({ kind: 'IPv6 block', name: '', cidr: b.cidr, detail: 'listed, not drawn', place: b });
  for (const s of vpc.outside) rows.push({ kind: 'subnet outside the VPC', name: s.name, cidr: s.cidr, az: s.az, place: s, alert: true });
  for (const s of vpc.unplaced) rows.push({ kind: 'subnet not drawn', name: s.name, cidr: s.cidr ?? '', az: s.az, detail: s.reason, place: s });
  if (vpc.serviceCidr) rows.push({ kind: 'service CIDR of this cluster', name: '', cidr: vpc.serviceCidr.cidr, place: vpc.serviceCidr });
  for (const line of vpcNotDrawn(vpc)) rows.push({ kind: 'not drawn', name: '', cidr: '', detail: line, alert: true });
  return rows;
}

function table(caption: string, rows: readonly Row[], interactive: boolean): string {
  const body = rows
    .map(
      (r) =>
        `<tr${r.alert ? ' class="alert"' : ''}><td>${r.swatch ? `<span class="swatch" style="background:${r.swatch}" aria-hidden="true"></span>` : ''}${esc(r.kind)}</td><td>${esc(r.name)}</td><td class="cidr">${esc(r.cidr)}</td><td>${esc(r.az ?? '')}</td><td>${esc(r.detail ?? '')}</td>${placeCell(r.place, interactive)}</tr>`,
    )
    .join('\n');
  return `<table>\n<caption class="visually-hidden">${esc(caption)}</caption>\n<thead><tr><th scope="col">Kind</th><th scope="col">Name</th><th scope="col">CIDR</th><th scope="col">Zone</th><th scope="col">Details</th><th scope="col">Written at</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function renderHtml(map: AddressMap, options: HtmlOptions = {}): string {
  const title = options.title ?? 'VPC address map';
  const interactive = !!options.webview;
  const csp = options.webview
    ? `default-src 'none'; img-src ${options.webview.cspSource} data:; style-src ${options.webview.cspSource} 'unsafe-inline'; script-src 'nonce-${options.webview.nonce}';`
    : "default-src 'none'; img-src data:; style-src 'unsafe-inline';";
  const sections: string[] = [];
  for (const [i, vpc] of map.vpcs.entries()) {
    sections.push(
      `<h2>${i + 1}. VPC ${esc(vpc.name)}</h2>\n<p>${esc(vpc.source === 'eksctl' ? 'eksctl ClusterConfig' : 'CloudFormation template')}, ${esc(where(vpc))}${vpc.existing ? ', existing VPC' : ''}</p>`,
    );
    sections.push(table(`Blocks, subnets, free blocks and overlaps of VPC ${vpc.name}`, vpcRows(vpc), interactive));
  }
  if (map.notDrawn.vpcs) sections.push(`<p class="not-drawn" role="note"><strong>${esc(notDrawnText(map.notDrawn.vpcs, 'VPCs'))}</strong></p>`);
  if (map.vpcOverlaps.length) {
    sections.push('<h2>VPCs that share addresses</h2>');
    sections.push(
      table(
        'VPCs that share addresses',
        map.vpcOverlaps
          .flatMap((o): Row[] => [
            ...o.members.map((m): Row => ({ kind: 'shared range', name: `${m.vpc} (${m.block})`, cidr: o.cidr, place: m, alert: true })),
            ...(o.more ? [{ kind: 'shared range', name: '', cidr: o.cidr, detail: `and ${count(o.more)} more blocks`, alert: true }] : []),
          ])
          .concat(map.notDrawn.vpcOverlaps ? [{ kind: 'not drawn', name: '', cidr: '', detail: notDrawnText(map.notDrawn.vpcOverlaps, 'groups of VPCs sharing addresses'), alert: true }] : []),
        interactive,
      ),
    );
  }
  if (map.reserved.length) {
    sections.push('<h2>Reserved ranges</h2>');
    sections.push(`<ul>${map.reserved.map((r) => `<li><code>${esc(r.cidr)}</code> ${esc(r.label)}</li>`).join('')}</ul>`);
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${esc(title)}</h1>`,
    `<p class="summary">${esc(summaryText(map))}</p>`,
    `<figure class="picture" aria-label="${esc(title)}">`,
    svgElement(map, { title, interactive }),
    `<figcaption class="visually-hidden">${esc(summaryText(map))} The tables below list the same facts.</figcaption>`,
    '</figure>',
    '<section aria-label="The address map as text">',
    map.vpcs.length ? sections.join('\n') : '<p>No VPC found: no eksctl ClusterConfig or CloudFormation VPC in the given files.</p>',
    '</section>',
    '</main>',
    ...(options.webview ? [`<script nonce="${esc(options.webview.nonce)}">${SCRIPT}</script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
