import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildAddressMap } from './model';
import { escapeXml, LAYOUT, renderSvg } from './svg';
import { allElements, parseXml, vpcFact } from './testFixtures';

const sample = () =>
  buildAddressMap({
    vpcs: [
      vpcFact(
        'prod',
        ['10.0.0.0/16'],
        [
          ['app', '10.0.64.0/18', 'us-east-1a', 'private'],
          ['web', '10.0.0.0/20', 'us-east-1b', 'public'],
          ['dup', '10.0.8.0/21'],
        ],
      ),
      vpcFact('peer', ['10.0.128.0/17'], []),
    ],
    reserved: [{ cidr: '10.0.240.0/20', label: 'lab' }],
  });

describe('address map SVG', () => {
  it('parses as strict XML with one <svg> root, a title and a description', () => {
    const svg = renderSvg(sample(), { title: 'Network' });
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '));
    const root = parseXml(svg);
    assert.equal(root.name, 'svg');
    assert.equal(root.attrs.xmlns, 'http://www.w3.org/2000/svg');
    assert.equal(root.attrs.viewBox, `0 0 ${root.attrs.width} ${root.attrs.height}`);
    assert.equal(root.children[0].name, 'title');
    assert.equal(root.children[0].text, 'Network');
    assert.equal(root.children[1].name, 'desc');
    assert.match(root.children[1].text, /2 VPCs with 3 subnets, 1 subnet overlap/);
  });

  it('places each block at its proportional x and width (within 0.5 px), with data-uri, data-line and an aria-label', () => {
    const root = parseXml(renderSvg(sample()));
    const subnets = allElements(root).filter((e) => e.name === 'rect' && e.attrs['data-kind'] === 'subnet');
    assert.equal(subnets.length, 3);
    const app = subnets.find((e) => e.attrs['aria-label'].includes('subnet app,'))!;
    // 10.0.64.0/18 in 10.0.0.0/16: a quarter of the way in, a quarter wide.
    assert.ok(Math.abs(Number(app.attrs.x) - (LAYOUT.barX + 0.25 * LAYOUT.barWidth)) <= 0.5, app.attrs.x);
    assert.ok(Math.abs(Number(app.attrs.width) - 0.25 * LAYOUT.barWidth) <= 0.5, app.attrs.width);
    assert.equal(app.attrs['data-uri'], 'file:///ws/prod.yaml');
    assert.equal(app.attrs['data-line'], '10');
    assert.match(app.attrs['aria-label'], /private subnet app, 10\.0\.64\.0\/18, in us-east-1a/);
    assert.equal(app.children[0].name, 'title');
    const web = subnets.find((e) => e.attrs['aria-label'].includes('subnet web,'))!;
    assert.ok(Math.abs(Number(web.attrs.x) - LAYOUT.barX) <= 0.5);
    assert.ok(Math.abs(Number(web.attrs.width) - LAYOUT.barWidth / 16) <= 0.5);
    assert.equal(web.attrs.fill, '#cfe3fa', 'public subnets use the public colour');

    const bars = allElements(root).filter((e) => e.attrs['data-kind'] === 'block');
    assert.deepEqual(
      bars.map((b) => [b.attrs.x, b.attrs.width, b.attrs['data-line']]),
      [
        [String(LAYOUT.barX), String(LAYOUT.barWidth), '2'],
        [String(LAYOUT.barX), String(LAYOUT.barWidth), '2'],
      ],
    );
    // Free blocks, overlaps and marks are drawn too, each where it belongs.
    const free = allElements(root).filter((e) => e.attrs['data-kind'] === 'free');
    const last = free.find((e) => e.attrs['aria-label'].startsWith('free 10.0.128.0/17'))!;
    assert.ok(Math.abs(Number(last.attrs.x) - (LAYOUT.barX + LAYOUT.barWidth / 2)) <= 0.5);
    const overlap = allElements(root).find((e) => e.attrs['data-kind'] === 'overlap')!;
    assert.match(overlap.attrs['aria-label'], /web and dup both claim 10\.0\.8\.0\/21/);
    assert.ok(Math.abs(Number(overlap.attrs.width) - LAYOUT.barWidth / 32) <= 0.5);
    const kinds = allElements(root)
      .map((e) => e.attrs['data-kind'])
      .filter(Boolean);
    assert.ok(kinds.includes('mark-reserved') && kinds.includes('mark-vpc'), kinds.join());
  });

  it('escapes every piece of text taken from the files', () => {
    const evil = 'a<b>&"c\'\u0001';
    const map = buildAddressMap({ vpcs: [vpcFact(evil, ['10.0.0.0/16'], [[evil, '10.0.0.0/24', evil]], `file:///ws/${evil}.yaml`)] });
    const svg = renderSvg(map, { title: evil });
    const root = parseXml(svg);
    assert.equal(root.children[0].text, 'a<b>&"c\'');
    const subnet = allElements(root).find((e) => e.attrs['data-kind'] === 'subnet')!;
    assert.equal(subnet.attrs['data-uri'], 'file:///ws/a<b>&"c\'.yaml');
    assert.doesNotMatch(svg, /\u0001/);
    assert.equal(escapeXml('<&>"\''), '&lt;&amp;&gt;&quot;&apos;');
  });

  it('is deterministic, has a legend, and fetches nothing', () => {
    const a = renderSvg(sample());
    assert.equal(a, renderSvg(sample()));
    assert.match(a, /<g class="legend"/);
    for (const label of ['public subnet', 'private subnet', 'VPN-only subnet', 'free block', 'overlap', 'reserved range', 'service CIDR']) assert.ok(a.includes(`>${label}</text>`), label);
    assert.deepEqual(a.match(/https?:\/\/[^"\s]*/g), ['http://www.w3.org/2000/svg']);
  });

  it('still draws a picture that says so when there is no VPC', () => {
    const svg = renderSvg(buildAddressMap({ vpcs: [] }));
    const root = parseXml(svg);
    assert.equal(root.name, 'svg');
    assert.match(svg, /No VPC found/);
    assert.equal(allElements(root).filter((e) => e.attrs['data-kind']).length, 0);
  });
});
