import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ServiceCidrFact } from '../workspace/facts';
import { buildAddressMap } from './model';
import { at, cidr, vpcFact } from './testFixtures';
import { buildFileModel, factsOf } from '../formats';

describe('address map model', () => {
  it('places a /18 at offset 64 of a /16 at 0.25 with width 0.25, keeping uri and line', () => {
    const map = buildAddressMap({ vpcs: [vpcFact('a', ['10.0.0.0/16'], [['app', '10.0.64.0/18', 'us-east-1a', 'private']])] });
    const [block] = map.vpcs[0].blocks;
    assert.equal(block.cidr, '10.0.0.0/16');
    assert.equal(block.first, '10.0.0.0');
    assert.equal(block.last, '10.0.255.255');
    assert.equal(block.addresses, 65536);
    const [s] = block.subnets;
    assert.equal(s.offset, 0.25);
    assert.equal(s.width, 0.25);
    assert.deepEqual([s.name, s.az, s.tier, s.uri, s.line, s.start, s.end], ['app', 'us-east-1a', 'private', 'file:///ws/a.yaml', 10, '10.0.64.0', '10.0.127.255']);
    assert.deepEqual([block.uri, block.line], ['file:///ws/a.yaml', 2]);
  });

  it('lists the free space as the largest aligned blocks, in address order', () => {
    const map = buildAddressMap({
      vpcs: [
        vpcFact(
          'a',
          ['10.0.0.0/16'],
          [
            ['x', '10.0.64.0/18'],
            ['y', '10.0.0.0/20'],
          ],
        ),
      ],
    });
    const block = map.vpcs[0].blocks[0];
    assert.deepEqual(
      block.free.map((f) => f.cidr),
      ['10.0.16.0/20', '10.0.32.0/19', '10.0.128.0/17'],
    );
    assert.deepEqual(
      block.free.map((f) => [f.offset, f.width]),
      [
        [1 / 16, 1 / 16],
        [1 / 8, 1 / 8],
        [0.5, 0.5],
      ],
    );
    assert.equal(map.vpcs[0].usedAddresses, 16384 + 4096);
    assert.equal(map.vpcs[0].totalAddresses, 65536);
    // Sorted by address, whatever the written order.
    assert.deepEqual(
      block.subnets.map((s) => s.name),
      ['y', 'x'],
    );
  });

  it('finds overlapping subnets, marks both, and places the shared range', () => {
    const map = buildAddressMap({
      vpcs: [
        vpcFact(
          'a',
          ['10.0.0.0/16'],
          [
            ['a1', '10.0.0.0/20'],
            ['b1', '10.0.8.0/21'],
            ['c1', '10.0.16.0/20'],
          ],
        ),
      ],
    });
    const block = map.vpcs[0].blocks[0];
    assert.equal(block.overlaps.length, 1);
    const [o] = block.overlaps;
    assert.deepEqual([o.cidr, o.subnets, o.offset, o.width, o.line], ['10.0.8.0/21', ['a1', 'b1'], 8 / 256, 8 / 256, 11]);
    assert.deepEqual(
      block.subnets.map((s) => [s.name, s.overlapsWith]),
      [
        ['a1', ['b1']],
        ['b1', ['a1']],
        ['c1', []],
      ],
    );
    // Overlapping subnets do not make free space appear twice.
    assert.equal(block.free[0].cidr, '10.0.32.0/19');
  });

  it('flags subnets outside every block, and clips one that only partly lies inside', () => {
    const map = buildAddressMap({
      vpcs: [
        vpcFact(
          'a',
          ['10.0.0.0/16', '10.2.0.0/17'],
          [
            ['far', '10.1.16.0/20'],
            ['edge', '10.0.255.0/24'],
            ['wide', '10.2.0.0/16'],
            ['byId', undefined],
          ],
        ),
      ],
    });
    const vpc = map.vpcs[0];
    assert.deepEqual(
      vpc.outside.map((s) => [s.name, s.cidr, s.line]),
      [['far', '10.1.16.0/20', 10]],
    );
    const wide = vpc.blocks[1].subnets.find((s) => s.name === 'wide')!;
    assert.equal(wide.partlyOutside, true);
    assert.deepEqual([wide.offset, wide.width, wide.start, wide.end], [0, 1, '10.2.0.0', '10.2.127.255'], 'only the part inside the block is drawn');
    const edge = vpc.blocks[0].subnets.find((s) => s.name === 'edge')!;
    assert.deepEqual([edge.partlyOutside, edge.offset, edge.width], [false, 255 / 256, 1 / 256]);
    assert.deepEqual(
      vpc.unplaced.map((s) => [s.name, s.reason]),
      [['byId', 'no CIDR written']],
    );
  });

  it('draws a subnet on the secondary block that holds it', () => {
    const map = buildAddressMap({ vpcs: [vpcFact('a', ['10.0.0.0/16', '100.64.0.0/16'], [['pods', '100.64.128.0/17']])] });
    const [primary, secondary] = map.vpcs[0].blocks;
    assert.equal(primary.primary, true);
    assert.equal(secondary.primary, false);
    assert.equal(primary.subnets.length, 0);
    assert.deepEqual(
      secondary.subnets.map((s) => [s.name, s.offset, s.width]),
      [['pods', 0.5, 0.5]],
    );
    assert.equal(map.vpcs[0].outside.length, 0);
  });

  it('marks reserved ranges and service CIDRs that overlap a block, clipped to it', () => {
    const vpc = vpcFact('a', ['10.0.0.0/16'], []);
    const service: ServiceCidrFact = { ...at('file:///ws/b.yaml', 7), cidr: cidr('10.0.192.0/18'), source: 'eksctl', name: 'other' };
    const map = buildAddressMap({
      vpcs: [vpc],
      reserved: [
        { cidr: '10.0.0.0/8', label: 'corporate' },
        { cidr: '192.168.0.0/16', label: 'lab' },
      ],
      serviceCidrs: [service],
    });
    const marks = map.vpcs[0].blocks[0].marks;
    assert.deepEqual(
      marks.map((m) => [m.kind, m.cidr, m.offset, m.width, m.uri, m.line]),
      [
        ['reserved', '10.0.0.0/8', 0, 1, undefined, undefined],
        ['service', '10.0.192.0/18', 0.75, 0.25, 'file:///ws/b.yaml', 7],
      ],
    );
    assert.match(marks[1].label, /cluster other/);
  });

  it('finds VPCs of different files that share addresses, and marks each side', () => {
    const map = buildAddressMap({ vpcs: [vpcFact('a', ['10.0.0.0/16'], []), vpcFact('b', ['172.16.0.0/16'], []), vpcFact('c', ['10.0.128.0/17'], [])] });
    assert.deepEqual(
      map.vpcOverlaps.map((o) => [o.members.map((m) => m.vpc), o.cidr, o.members[0].uri, o.members[1].line, o.more]),
      [[['a', 'c'], '10.0.128.0/17', 'file:///ws/a.yaml', 2, 0]],
    );
    assert.deepEqual(
      map.vpcs[0].blocks[0].marks.map((m) => [m.kind, m.label, m.offset, m.width, m.uri]),
      [['vpc', 'VPC c', 0.5, 0.5, 'file:///ws/c.yaml']],
    );
    assert.deepEqual(
      map.vpcs[2].blocks[0].marks.map((m) => [m.kind, m.label, m.offset, m.width]),
      [['vpc', 'VPC a', 0, 1]],
    );
    assert.equal(map.vpcs[1].blocks[0].marks.length, 0);
  });

  it('does not mark one VPC described twice (a cluster using by id the VPC a template creates) as sharing addresses', () => {
    const created = vpcFact('Vpc', ['10.20.0.0/16'], [], 'file:///ws/network.yaml');
    const used = { ...vpcFact('prod', ['10.20.0.0/16'], [], 'file:///ws/cluster.yaml'), existing: true };
    const map = buildAddressMap({ vpcs: [created, used] });
    assert.deepEqual(map.vpcOverlaps, []);
    assert.equal(map.vpcs.length, 2);
    // Two new VPCs with that block do share it.
    assert.equal(buildAddressMap({ vpcs: [created, { ...used, existing: false }] }).vpcOverlaps.length, 1);
  });

  it('lists IPv6 blocks without drawing them', () => {
    const map = buildAddressMap({ vpcs: [vpcFact('a', ['10.0.0.0/16', '2600:1f14::/56'], [['v6', '2600:1f14::/64']])] });
    assert.equal(map.vpcs[0].blocks.length, 1);
    assert.deepEqual(
      map.vpcs[0].ipv6Blocks.map((b) => b.cidr),
      ['2600:1f14::/56'],
    );
    assert.deepEqual(
      map.vpcs[0].unplaced.map((s) => s.name),
      ['v6'],
    );
  });

  it('reads an eksctl ClusterConfig through its facts: own service CIDR, subnets with tiers and zones', () => {
    const text = [
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: prod, region: us-east-1}',
      'kubernetesNetworkConfig: {serviceIPv4CIDR: 10.0.240.0/20}',
      'vpc:',
      '  cidr: 10.0.0.0/16',
      '  subnets:',
      '    private:',
      '      us-east-1a: {cidr: 10.0.0.0/19}',
      '    public:',
      '      pub-a: {az: us-east-1a, cidr: 10.0.128.0/20}',
      '',
    ].join('\n');
    const facts = factsOf(buildFileModel({ uri: 'file:///ws/c.yaml', text }));
    const map = buildAddressMap({ vpcs: facts.vpcs ?? [], serviceCidrs: facts.serviceCidrs });
    const vpc = map.vpcs[0];
    assert.equal(vpc.name, 'prod');
    assert.equal(vpc.serviceCidr?.cidr, '10.0.240.0/20');
    const block = vpc.blocks[0];
    assert.deepEqual(
      block.subnets.map((s) => [s.name, s.tier, s.az, s.line, s.offset]),
      [
        ['us-east-1a', 'private', 'us-east-1a', 8, 0],
        ['pub-a', 'public', 'us-east-1a', 10, 0.5],
      ],
    );
    // The service range, given both ways, is marked once.
    assert.deepEqual(
      block.marks.map((m) => [m.kind, m.label, m.offset]),
      [['service', 'service CIDR of this cluster', 0.9375]],
    );
  });
});

describe('file labels', () => {
  it('gives every place the label of its file and keeps the uri for opening it', () => {
    const map = buildAddressMap({ vpcs: [vpcFact('a', ['10.0.0.0/16'], [['s1', '10.0.0.0/24', 'us-east-1a', 'public']])], fileLabel: (uri) => `label of ${uri}` });
    const vpc = map.vpcs[0];
    assert.equal(vpc.file, `label of ${vpc.uri}`);
    assert.equal(vpc.blocks[0].file, `label of ${vpc.blocks[0].uri}`);
    assert.equal(vpc.blocks[0].subnets[0].file, `label of ${vpc.blocks[0].subnets[0].uri}`);
    assert.match(vpc.blocks[0].subnets[0].uri, /^file:/);
  });
});
