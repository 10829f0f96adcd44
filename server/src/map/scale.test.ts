// The address map of a hostile workspace: many identical subnets or VPCs. The work (counted
// comparisons) must grow linearly with the input, the page must stay under a fixed size, and
// what the limits leave out must be said on the page. Sizes and counts only, never time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderHtml } from './html';
import { buildAddressMap, buildAddressMapSteps, LIMITS } from './model';
import { renderSvg } from './svg';
import { vpcFact } from './testFixtures';

const identicalSubnets = (n: number) =>
  vpcFact(
    'big',
    ['10.0.0.0/16'],
    Array.from({ length: n }, (_, i): [string, string] => [`s${i}`, '10.0.0.0/24']),
  );
const identicalVpcs = (n: number) => Array.from({ length: n }, (_, i) => vpcFact(`v${i}`, ['10.0.0.0/16'], [['a', '10.0.0.0/24']], 'file:///ws/all.yaml'));

function workFor(vpcs: ReturnType<typeof identicalVpcs>): number {
  const work = { steps: 0 };
  buildAddressMap({ vpcs, work });
  return work.steps;
}

describe('address map at scale', () => {
  it('1,000 identical subnets: one overlap element, short name lists, a bounded page, linear work', () => {
    const map = buildAddressMap({ vpcs: [identicalSubnets(1000)] });
    const [block] = map.vpcs[0].blocks;
    assert.equal(block.overlaps.length, 1, 'the group is reported once, not once per pair');
    assert.equal(block.overlaps[0].subnets.length + block.overlaps[0].more, 1000);
    assert.ok(block.subnets.every((s) => s.overlapsWith.length <= LIMITS.names && s.overlapsWith.length + s.overlapsWithMore === 999));
    assert.equal(block.subnets.length, LIMITS.subnetsPerVpc);
    assert.equal(map.vpcs[0].notDrawn.subnets, 1000 - LIMITS.subnetsPerVpc);
    const html = renderHtml(map);
    // Was 36 MB for 300 such subnets, and grew with the cube of their number.
    assert.ok(html.length < 1_500_000, `the page is ${html.length} characters`);
    assert.match(html, /… and 500 more subnets not drawn/);
    assert.match(renderSvg(map), /… and 500 more subnets not drawn/);
    // Past the limit, more subnets do not make a bigger page.
    const larger = renderHtml(buildAddressMap({ vpcs: [identicalSubnets(2000)] }));
    assert.ok(larger.length < html.length * 1.01, `${html.length} → ${larger.length}`);

    const steps = (n: number) => {
      const work = { steps: 0 };
      buildAddressMap({ vpcs: [identicalSubnets(n)], work });
      return work.steps;
    };
    const [w1, w2, w4] = [steps(1000), steps(2000), steps(4000)];
    assert.ok(w2 <= 2.2 * w1 && w4 <= 2.2 * w2, `work ${w1}, ${w2}, ${w4} grows linearly`);
  });

  it('1,000 identical VPCs: renders without throwing, one group of VPCs sharing addresses, and says how many were left out', () => {
    const vpcs = identicalVpcs(1000);
    const map = buildAddressMap({ vpcs });
    assert.equal(map.vpcs.length, LIMITS.vpcs);
    assert.equal(map.notDrawn.vpcs, 1000 - LIMITS.vpcs);
    assert.equal(map.vpcOverlaps.length, 1, 'one group, not 499,500 pairs');
    assert.equal(map.vpcOverlaps[0].members.length + map.vpcOverlaps[0].more, 1000);
    assert.ok(map.vpcs.every((v) => v.blocks[0].marks.length <= LIMITS.marksPerBlock && v.blocks[0].marks.length + v.blocks[0].notDrawn.marks === 999));
    const html = renderHtml(map);
    const svg = renderSvg(map);
    assert.match(html, /… and 800 more VPCs not drawn/);
    assert.match(svg, /… and 800 more VPCs not drawn/);
    assert.match(svg, /… and 989 more marked ranges not drawn/);
    assert.ok(html.length < 8_000_000, `the page is ${html.length} characters`);
    const larger = renderHtml(buildAddressMap({ vpcs: identicalVpcs(2000) }));
    assert.ok(Math.abs(larger.length - html.length) < 1000, `${html.length} → ${larger.length}: past the limit the page stays the same size`);

    const [w1, w2, w4] = [workFor(identicalVpcs(500)), workFor(identicalVpcs(1000)), workFor(identicalVpcs(2000))];
    assert.ok(w2 <= 2.2 * w1 && w4 <= 2.2 * w2, `work ${w1}, ${w2}, ${w4} grows linearly`);
  });

  it('bounds the whole map: 200 VPCs of 100 subnets draw 3,000 subnets and count the rest', () => {
    const vpcs = Array.from({ length: 200 }, (_, v) =>
      vpcFact(
        `v${v}`,
        [`10.${v}.0.0/16`],
        Array.from({ length: 100 }, (_, i): [string, string] => [`s${i}`, `10.${v}.${i}.0/24`]),
      ),
    );
    const map = buildAddressMap({ vpcs });
    const drawn = map.vpcs.reduce((n, v) => n + v.blocks.reduce((m, b) => m + b.subnets.length, 0) + v.outside.length, 0);
    const left = map.vpcs.reduce((n, v) => n + v.notDrawn.subnets, 0);
    assert.equal(drawn, LIMITS.total.subnets);
    assert.equal(drawn + left, 20_000);
    const free = map.vpcs.reduce((n, v) => n + v.blocks.reduce((m, b) => m + b.free.length, 0), 0);
    assert.ok(free <= LIMITS.total.free);
    assert.ok(renderHtml(map).length < 12_000_000);
  });

  it('a VPC past the block limit: its subnets are counted as not drawn, not called outside the VPC', () => {
    const blocks = (v: number) => Array.from({ length: 50 }, (_, b) => `10.${v}.${b}.0/24`);
    const vpcs = Array.from({ length: 25 }, (_, v) => vpcFact(`v${v}`, blocks(v), [['s', `10.${v}.0.0/26`]]));
    const map = buildAddressMap({ vpcs });
    assert.equal(
      map.vpcs.reduce((n, v) => n + v.blocks.length, 0),
      LIMITS.total.blocks,
    );
    const last = map.vpcs[24];
    assert.deepEqual([last.blocks.length, last.notDrawn.blocks, last.outside.length, last.notDrawn.subnets], [0, 50, 0, 1]);
    assert.match(renderSvg(map), /… and 50 more blocks not drawn/);
  });

  it('gives way after each VPC, so a request can be cancelled between them', () => {
    const steps = buildAddressMapSteps({ vpcs: identicalVpcs(10) });
    let yields = 0;
    while (!steps.next().done) yields++;
    assert.ok(yields >= 10, `${yields} points to stop at`);
  });
});
