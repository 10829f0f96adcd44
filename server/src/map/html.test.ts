import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderHtml } from './html';
import { buildAddressMap } from './model';
import { allElements, parseXml, vpcFact } from './testFixtures';

const map = () =>
  buildAddressMap({
    vpcs: [
      vpcFact(
        'prod',
        ['10.0.0.0/16'],
        [
          ['app', '10.0.64.0/18', 'us-east-1a', 'private'],
          ['x', '10.0.64.0/20'],
          ['lost', '10.9.0.0/24'],
        ],
      ),
      vpcFact('peer', ['10.0.0.0/17'], []),
    ],
  });

const svgOf = (html: string) => html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + '</svg>'.length);

describe('address map HTML', () => {
  it('standalone: a full page, CSP without scripts, no <script>, no remote resources', () => {
    const html = renderHtml(map());
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
    assert.ok(html.trimEnd().endsWith('</html>'));
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &apos;none&apos;; img-src data:; style-src &apos;unsafe-inline&apos;;">/);
    assert.deepEqual(html.match(/https?:\/\/[^"\s<]*/g), ['http://www.w3.org/2000/svg']);
    assert.doesNotMatch(html, /\b(src|href)=/, 'nothing is loaded');
    assert.doesNotMatch(html, /<button/, 'no controls without a webview');
  });

  it('themes with VS Code variables that fall back to fixed colours', () => {
    const html = renderHtml(map());
    assert.match(html, /background: var\(--vscode-editor-background, #ffffff\)/);
    assert.match(html, /\.fg \{ fill: var\(--vscode-editor-foreground, #1a1a1a\); \}/);
    assert.match(html, /var\(--vscode-focusBorder, #[0-9a-f]{6}\)/);
  });

  it('embeds the picture as well-formed SVG and lists the same facts as text', () => {
    const html = renderHtml(map());
    const svg = parseXml(svgOf(html));
    assert.equal(svg.attrs.role, 'img');
    assert.ok(allElements(svg).some((e) => e.attrs['data-kind'] === 'subnet'));
    // The text alternative: a table per VPC with blocks, subnets, free blocks, overlaps, outsiders.
    assert.equal((html.match(/<table>/g) ?? []).length, 3, 'two VPCs and the shared range');
    for (const row of [
      '<td>primary block</td>',
      '>private subnet</td><td>app</td><td class="cidr">10.0.64.0/18</td><td>us-east-1a</td>',
      '<td>free block</td><td></td><td class="cidr">10.0.0.0/18</td>',
      '<td>overlap</td><td>app and x</td><td class="cidr">10.0.64.0/20</td>',
      '<td>subnet outside the VPC</td><td>lost</td>',
    ]) {
      assert.ok(html.includes(row), row);
    }
    assert.match(html, /VPCs that share addresses/);
  });

  it('in a webview: CSP with the source and nonce, one nonced script posting open messages, focusable controls', () => {
    const html = renderHtml(map(), { webview: { cspSource: 'vscode-webview://abc', nonce: 'n0nce' } });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1].replace(/&apos;/g, "'");
    assert.equal(csp, "default-src 'none'; img-src vscode-webview://abc data:; style-src vscode-webview://abc 'unsafe-inline'; script-src 'nonce-n0nce';");
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="n0nce">']);
    // Run the script against stand-ins for the DOM and the webview API.
    const script = html.slice(html.indexOf('<script nonce="n0nce">') + '<script nonce="n0nce">'.length, html.indexOf('</script>'));
    const posted: unknown[] = [];
    const fake = (tagName: string, uri: string, line: string) => {
      const attrs = new Map([
        ['data-uri', uri],
        ['data-line', line],
      ]);
      const handlers = new Map<string, (event: unknown) => void>();
      return {
        tagName,
        attrs,
        handlers,
        getAttribute: (k: string) => attrs.get(k) ?? null,
        setAttribute: (k: string, v: string) => void attrs.set(k, v),
        addEventListener: (type: string, fn: (event: unknown) => void) => void handlers.set(type, fn),
      };
    };
    const rect = fake('rect', 'file:///ws/prod.yaml', '10');
    const button = fake('BUTTON', 'file:///ws/peer.yaml', '2');
    const document = { querySelectorAll: (selector: string) => (selector === '[data-uri][data-line]' ? [rect, button] : []) };
    new Function('acquireVsCodeApi', 'document', script)(() => ({ postMessage: (m: unknown) => posted.push(m) }), document);
    assert.deepEqual([rect.attrs.get('tabindex'), rect.attrs.get('role')], ['0', 'button']);
    assert.equal(button.attrs.get('role'), undefined, 'a real button keeps its own role');
    rect.handlers.get('click')!({});
    let prevented = 0;
    rect.handlers.get('keydown')!({ key: 'Enter', preventDefault: () => prevented++ });
    button.handlers.get('keydown')!({ key: ' ', preventDefault: () => prevented++ });
    rect.handlers.get('keydown')!({ key: 'a', preventDefault: () => prevented++ });
    assert.deepEqual(posted, [
      { type: 'open', uri: 'file:///ws/prod.yaml', line: 10 },
      { type: 'open', uri: 'file:///ws/prod.yaml', line: 10 },
      { type: 'open', uri: 'file:///ws/peer.yaml', line: 2 },
    ]);
    assert.equal(prevented, 2);
    assert.match(html, /<button type="button" class="place" data-uri="file:\/\/\/ws\/prod\.yaml" data-line="10" aria-label="Open file:\/\/\/ws\/prod\.yaml:11">/);
    assert.equal(parseXml(svgOf(html)).attrs.role, 'group', 'the picture holds controls');
    assert.deepEqual(html.match(/https?:\/\/[^"\s<]*/g), ['http://www.w3.org/2000/svg']);
  });

  it('escapes the CSP source and nonce', () => {
    const html = renderHtml(map(), { webview: { cspSource: '"><script>', nonce: '"x' } });
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="&quot;x">']);
  });

  it('escapes names, zones and file paths from the workspace: no markup, script or link can be planted', () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)><a href="https://evil.example">';
    const hostile = buildAddressMap({
      vpcs: [
        vpcFact(
          evil,
          ['10.0.0.0/16'],
          [
            [evil, '10.0.0.0/24', evil],
            [`${evil}2`, '10.0.0.0/24'],
          ],
          `file:///ws/${encodeURIComponent(evil)}.yaml`,
        ),
      ],
      fileLabel: () => evil,
    });
    for (const html of [renderHtml(hostile), renderHtml(hostile, { webview: { cspSource: 'vscode-webview://x', nonce: 'n0nce' } })]) {
      assert.ok(
        (html.match(/<script[^>]*>/g) ?? []).every((tag) => tag === '<script nonce="n0nce">'),
        'only the nonced script',
      );
      // Every "<" of the page opens a real tag (text escapes it); with quoted values left out, no tag may load or link anything.
      const tags = html.replace(/"[^"]*"/g, '""').match(/<[^>]*>/g) ?? [];
      assert.deepEqual(
        tags.filter((t) => /^<\/?(img|a|iframe|object|embed|foreignObject|image|use)\b/i.test(t) || /\s(on\w+|href|xlink:href|src)=/i.test(t)),
        [],
      );
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'shown as text');
    }
  });
});
