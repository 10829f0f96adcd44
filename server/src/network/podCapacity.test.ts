import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCidr, parseIp, type Cidr, type IpAddress } from '../net/cidr';
import {
  branchEniPodLimit,
  fitsIn,
  freeBlocksAfter,
  managedNodeGroupSurge,
  maxPods,
  nodeAddressUse,
  prefixDelegationMaxPods,
  prefixSpace,
  recommendedMaxPodsCeiling,
  secondaryIpMaxPods,
  shareAddresses,
  subnetDemand,
  type CniValues,
  type GroupDemand,
  type PodNetworkLimits,
  type SubnetSupply,
} from './podCapacity';

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}
function ip(text: string): IpAddress {
  const parsed = parseIp(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

// Limits from aws/amazon-vpc-resource-controller-k8s pkg/aws/vpc/limits.go
// (commit b8d425119bdba371202882b808f202c6073a46cc: Interface, IPv4PerInterface, BranchInterface,
// Hypervisor); vCPUs from the EC2 instance type pages (m5: https://aws.amazon.com/ec2/instance-types/m5/).
const M5_LARGE: PodNetworkLimits = { enis: 3, ipv4PerEni: 10, vcpus: 2, nitro: true, branchEnis: 9 };
const M5_XLARGE: PodNetworkLimits = { enis: 4, ipv4PerEni: 15, vcpus: 4, nitro: true, branchEnis: 18 };
const M5_24XLARGE: PodNetworkLimits = { enis: 15, ipv4PerEni: 50, vcpus: 96, nitro: true, branchEnis: 107 };
const M4_LARGE: PodNetworkLimits = { enis: 2, ipv4PerEni: 10, vcpus: 2, nitro: false, branchEnis: 0 }; // Hypervisor "xen"
const T3_SMALL: PodNetworkLimits = { enis: 3, ipv4PerEni: 4, vcpus: 2, nitro: true, branchEnis: 0 };
const P3DN_24XLARGE: PodNetworkLimits = { enis: 15, ipv4PerEni: 50, vcpus: 96, nitro: true, branchEnis: 107 };

describe('max pods per node', () => {
  // awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh (commit
  // 0ab842803d827b8087d78dd2eff0bc408caec771); values checked against aws/amazon-vpc-cni-k8s
  // misc/eni-max-pods.txt (commit b52188387f2e2f10bf289ace929d6a63b176a4fa): m5.large 29,
  // m5.24xlarge 737, m4.large 20, t3.small 11.
  it('computes the secondary-IP and prefix-delegation formulas', () => {
    assert.equal(secondaryIpMaxPods(3, 10), 29);
    assert.equal(secondaryIpMaxPods(15, 50), 737);
    assert.equal(secondaryIpMaxPods(2, 10), 20);
    assert.equal(secondaryIpMaxPods(3, 4), 11);
    assert.equal(prefixDelegationMaxPods(3, 10), 434);
    assert.equal(prefixDelegationMaxPods(15, 50), 11762);
  });

  it('caps the recommendation at 110 up to 30 vCPUs and 250 above', () => {
    assert.equal(recommendedMaxPodsCeiling(2), 110);
    assert.equal(recommendedMaxPodsCeiling(30), 110);
    assert.equal(recommendedMaxPodsCeiling(31), 250);
    assert.equal(recommendedMaxPodsCeiling(96), 250);
  });

  const cases: ReadonlyArray<{ name: string; limits: PodNetworkLimits; options: Parameters<typeof maxPods>[1]; max: number; recommended: number | undefined; mode: string; fellBack?: boolean }> = [
    { name: 'm5.large, secondary IP (29)', limits: M5_LARGE, options: {}, max: 29, recommended: 29, mode: 'secondary-ip' },
    { name: 'm5.large, prefix delegation (434, recommended 110)', limits: M5_LARGE, options: { prefixDelegation: true }, max: 434, recommended: 110, mode: 'prefix-delegation' },
    { name: 'm5.large, custom networking (20)', limits: M5_LARGE, options: { customNetworking: true }, max: 20, recommended: 20, mode: 'secondary-ip' },
    { name: 'm5.large, custom networking and prefix delegation', limits: M5_LARGE, options: { customNetworking: true, prefixDelegation: true }, max: 290, recommended: 110, mode: 'prefix-delegation' },
    { name: 'm5.24xlarge, secondary IP (737, recommended 250)', limits: M5_24XLARGE, options: {}, max: 737, recommended: 250, mode: 'secondary-ip' },
    { name: 'm5.24xlarge, prefix delegation', limits: M5_24XLARGE, options: { prefixDelegation: true }, max: 11762, recommended: 250, mode: 'prefix-delegation' },
    { name: 'm5.24xlarge, custom networking', limits: M5_24XLARGE, options: { customNetworking: true }, max: 688, recommended: 250, mode: 'secondary-ip' },
    { name: 'm4.large, custom networking', limits: M4_LARGE, options: { customNetworking: true }, max: 11, recommended: 11, mode: 'secondary-ip' },
    { name: 'm5.xlarge with --cni-max-eni 2', limits: M5_XLARGE, options: { maxEni: 2 }, max: 30, recommended: 30, mode: 'secondary-ip' },
    { name: 'm5.xlarge with a MAX_ENI above the type (ignored)', limits: M5_XLARGE, options: { maxEni: 9 }, max: 58, recommended: 58, mode: 'secondary-ip' },
    { name: 'm4.large (not Nitro): prefix delegation falls back to 20', limits: M4_LARGE, options: { prefixDelegation: true }, max: 20, recommended: 20, mode: 'secondary-ip', fellBack: true },
    { name: 'vCPUs unknown: no recommendation', limits: { enis: 3, ipv4PerEni: 10 }, options: { prefixDelegation: true }, max: 434, recommended: undefined, mode: 'prefix-delegation' },
    {
      name: 'one interface and custom networking: only the host-network pods',
      limits: { enis: 1, ipv4PerEni: 2, vcpus: 2 },
      options: { customNetworking: true },
      max: 2,
      recommended: 2,
      mode: 'secondary-ip',
    },
  ];
  it('security groups for pods: the branch-interface count is a cap of its own', () => {
    assert.equal(branchEniPodLimit(M5_LARGE), 9);
    assert.equal(branchEniPodLimit(M5_24XLARGE), 107);
    assert.equal(branchEniPodLimit(M4_LARGE), 0);
    assert.equal(branchEniPodLimit({ enis: 3, ipv4PerEni: 10 }), undefined);
  });

  for (const c of cases) {
    it(c.name, () => {
      const got = maxPods(c.limits, c.options);
      assert.equal(got.max, c.max);
      assert.equal(got.recommended, c.recommended);
      assert.equal(got.mode, c.mode);
      assert.equal(got.fellBack, c.fellBack ?? false);
    });
  }
});

describe('addresses a node takes', () => {
  type Row = readonly [settings: CniValues, pods: number, enis: number, units: number];
  // aws/amazon-vpc-cni-k8s docs/eni-and-ip-target.md (commit b52188387f2e2f10bf289ace929d6a63b176a4fa):
  // t3.small rows (pods, attached ENIs, attached secondary IPs).
  const t3SmallSecondary: readonly Row[] = [
    [{}, 0, 1, 3],
    [{}, 5, 3, 9],
    [{}, 9, 3, 9],
    [{ warmIpTarget: 1, minimumIpTarget: 1 }, 0, 1, 1],
    [{ warmIpTarget: 1, minimumIpTarget: 1 }, 5, 2, 6],
    [{ warmIpTarget: 1, minimumIpTarget: 1 }, 9, 3, 9],
    [{ warmIpTarget: 2, minimumIpTarget: 5 }, 0, 2, 5],
    [{ warmIpTarget: 2, minimumIpTarget: 5 }, 5, 3, 7],
    [{ warmIpTarget: 2, minimumIpTarget: 5 }, 9, 3, 9],
  ];
  // Same page, p3dn.24xlarge rows.
  const p3dnSecondary: readonly Row[] = [
    [{}, 0, 1, 49],
    [{}, 3, 2, 98],
    [{}, 95, 3, 147],
    [{ warmIpTarget: 5, minimumIpTarget: 10 }, 0, 1, 10],
    [{ warmIpTarget: 5, minimumIpTarget: 10 }, 7, 1, 12],
    [{ warmIpTarget: 5, minimumIpTarget: 10 }, 15, 1, 20],
    [{ warmIpTarget: 5, minimumIpTarget: 10 }, 45, 2, 50],
  ];
  it('secondary IP: the worked tables of docs/eni-and-ip-target.md', () => {
    for (const [limits, rows] of [
      [T3_SMALL, t3SmallSecondary],
      [P3DN_24XLARGE, p3dnSecondary],
    ] as const) {
      for (const [settings, pods, enis, secondaryIps] of rows) {
        const use = nodeAddressUse(limits, settings, pods);
        const what = `${JSON.stringify(settings)} at ${pods} pods`;
        assert.equal(use.enis, enis, what);
        assert.equal(use.secondaryIps, secondaryIps, what);
        assert.equal(use.prefixes, 0, what);
        // Every attached interface also takes its own primary address.
        assert.deepEqual(use.nodeSubnet, { addresses: enis + secondaryIps, prefixes: 0 }, what);
        assert.equal(use.podSubnet, undefined);
      }
    }
  });

  // aws/amazon-vpc-cni-k8s docs/prefix-and-ip-target.md (same commit): t3.small rows (pods,
  // ENIs, attached prefixes). Rows left out: "WARM_IP_TARGET 7 / MINIMUM_IP_TARGET 20, 0 pods"
  // contradicts itself (1 prefix attached, 2 per ENI), and the p3dn.24xlarge rows' ENI column
  // counts interfaces holding no prefix that ipamd's code would not attach; their prefix counts
  // are checked below.
  const t3SmallPrefixes: readonly Row[] = [
    [{ prefixDelegation: true }, 0, 1, 1],
    [{ prefixDelegation: true }, 5, 1, 2],
    [{ prefixDelegation: true }, 16, 1, 2],
    [{ prefixDelegation: true }, 17, 1, 3],
    [{ prefixDelegation: true }, 58, 2, 5],
    [{ prefixDelegation: true, warmIpTarget: 1, minimumIpTarget: 1 }, 0, 1, 1],
    [{ prefixDelegation: true, warmIpTarget: 1, minimumIpTarget: 1 }, 5, 1, 1],
    [{ prefixDelegation: true, warmIpTarget: 1, minimumIpTarget: 1 }, 17, 1, 2],
    [{ prefixDelegation: true, warmIpTarget: 1, minimumIpTarget: 1 }, 58, 2, 4],
    [{ prefixDelegation: true, warmIpTarget: 7, minimumIpTarget: 20 }, 5, 1, 2],
    [{ prefixDelegation: true, warmIpTarget: 7, minimumIpTarget: 20 }, 17, 1, 2],
    [{ prefixDelegation: true, warmIpTarget: 7, minimumIpTarget: 20 }, 58, 2, 5],
  ];
  it('prefix delegation: the worked table of docs/prefix-and-ip-target.md', () => {
    for (const [settings, pods, enis, prefixes] of t3SmallPrefixes) {
      const use = nodeAddressUse(T3_SMALL, settings, pods);
      const what = `${JSON.stringify(settings)} at ${pods} pods`;
      assert.equal(use.mode, 'prefix-delegation');
      assert.equal(use.enis, enis, what);
      assert.equal(use.prefixes, prefixes, what);
      assert.equal(use.secondaryIps, 0, what);
      assert.deepEqual(use.nodeSubnet, { addresses: enis, prefixes }, what);
    }
    for (const [pods, prefixes] of [
      [0, 1],
      [3, 2],
      [95, 7],
    ] as const) {
      assert.equal(nodeAddressUse(P3DN_24XLARGE, { prefixDelegation: true }, pods).prefixes, prefixes, `p3dn.24xlarge at ${pods} pods`);
    }
    for (const [pods, prefixes] of [
      [0, 1],
      [7, 1],
      [15, 2],
      [45, 4],
    ] as const) {
      assert.equal(nodeAddressUse(P3DN_24XLARGE, { prefixDelegation: true, warmIpTarget: 5, minimumIpTarget: 10 }, pods).prefixes, prefixes, `p3dn.24xlarge 5/10 at ${pods} pods`);
    }
  });

  it('m5.large at full scale in each mode', () => {
    // Secondary IP: 27 addressed pods (29 less the two host-network pods) fill all 3 interfaces.
    const secondary = nodeAddressUse(M5_LARGE, {}, 27, { kubeletMaxPods: 29 });
    assert.deepEqual([secondary.enis, secondary.secondaryIps, shareAddresses(secondary.nodeSubnet)], [3, 27, 30]);
    // Prefix delegation at the recommended 110: growth stops at 7 prefixes (112 addresses ≥ 110).
    const pd = nodeAddressUse(M5_LARGE, { prefixDelegation: true }, 108, { kubeletMaxPods: 110 });
    assert.deepEqual([pd.enis, pd.prefixes, pd.nodeSubnet.addresses, shareAddresses(pd.nodeSubnet)], [1, 7, 1, 113]);
    // Without the kubelet's cap the warm prefix adds an eighth.
    assert.equal(nodeAddressUse(M5_LARGE, { prefixDelegation: true }, 108).prefixes, 8);
    // Custom networking: the node subnet holds the primary interface's address only.
    const custom = nodeAddressUse(M5_LARGE, { customNetworking: true }, 18, { kubeletMaxPods: 20 });
    assert.equal(custom.enis, 3);
    assert.deepEqual(custom.nodeSubnet, { addresses: 1, prefixes: 0 });
    assert.deepEqual(custom.podSubnet, { addresses: 2 + 18, prefixes: 0 });
  });

  it('0 pods still holds the warm pool', () => {
    assert.deepEqual(nodeAddressUse(M5_LARGE, {}, 0).nodeSubnet, { addresses: 10, prefixes: 0 });
    const custom = nodeAddressUse(M5_LARGE, { customNetworking: true }, 0);
    assert.deepEqual(
      [custom.nodeSubnet, custom.podSubnet],
      [
        { addresses: 1, prefixes: 0 },
        { addresses: 10, prefixes: 0 },
      ],
    );
    assert.deepEqual(nodeAddressUse(M5_LARGE, { prefixDelegation: true }, 0).nodeSubnet, { addresses: 1, prefixes: 1 });
  });

  it('WARM_ENI_TARGET=0 adds an interface only when none is free', () => {
    assert.equal(nodeAddressUse(T3_SMALL, { warmEniTarget: 0 }, 2).enis, 1);
    assert.equal(nodeAddressUse(T3_SMALL, { warmEniTarget: 0 }, 3).enis, 2);
    assert.equal(nodeAddressUse(T3_SMALL, { warmEniTarget: 2 }, 1).enis, 3);
    // WARM_PREFIX_TARGET=0 likewise.
    assert.equal(nodeAddressUse(T3_SMALL, { prefixDelegation: true, warmPrefixTarget: 0 }, 15).prefixes, 1);
    assert.equal(nodeAddressUse(T3_SMALL, { prefixDelegation: true, warmPrefixTarget: 0 }, 16).prefixes, 2);
  });

  it('WARM_IP_TARGET replaces WARM_ENI_TARGET; a non-positive value is unset', () => {
    assert.equal(nodeAddressUse(M5_LARGE, { warmEniTarget: 2, warmIpTarget: 3 }, 4).secondaryIps, 7);
    assert.equal(nodeAddressUse(M5_LARGE, { warmIpTarget: 0 }, 4).secondaryIps, 18);
    assert.equal(nodeAddressUse(M5_LARGE, { warmIpTarget: -1 }, 4).secondaryIps, 18);
    // MINIMUM_IP_TARGET alone: WARM_IP_TARGET counts as 0.
    assert.equal(nodeAddressUse(M5_LARGE, { minimumIpTarget: 12 }, 4).secondaryIps, 12);
    assert.equal(nodeAddressUse(M5_LARGE, { minimumIpTarget: 12 }, 15).secondaryIps, 15);
  });

  it('stops at the interface limit and reports the pods left without an address', () => {
    const use = nodeAddressUse(M5_LARGE, {}, 100);
    assert.deepEqual([use.pods, use.podsPlaced, use.enis, use.secondaryIps], [100, 27, 3, 27]);
    const maxEni = nodeAddressUse(M5_LARGE, { maxEni: 2 }, 100);
    assert.deepEqual([maxEni.podsPlaced, maxEni.enis], [18, 2]);
    const pd = nodeAddressUse(M5_LARGE, { prefixDelegation: true }, 1000);
    assert.deepEqual([pd.podsPlaced, pd.enis, pd.prefixes], [432, 3, 27]);
  });

  it('falls back to secondary IPs on a type that is not Nitro', () => {
    const use = nodeAddressUse(M4_LARGE, { prefixDelegation: true }, 5);
    assert.deepEqual([use.mode, use.fellBack, use.enis, use.secondaryIps, use.prefixes], ['secondary-ip', true, 2, 18, 0]);
  });

  it('security groups for pods: a trunk takes a slot and an address, each branch pod an address', () => {
    const use = nodeAddressUse(M5_LARGE, { podEni: true }, 10, { branchPods: 5 });
    assert.deepEqual([use.trunkEnis, use.branchEnis, use.enis, use.secondaryIps], [1, 5, 2, 18]);
    assert.equal(use.nodeSubnet.addresses, 2 + 18 + 1 + 5);
    // At most the type's branch interfaces (m5.large: 9).
    assert.equal(nodeAddressUse(M5_LARGE, { podEni: true }, 0, { branchPods: 50 }).branchEnis, 9);
    // A type that cannot have a trunk (t3.small) gets none.
    assert.equal(nodeAddressUse(T3_SMALL, { podEni: true }, 0, { branchPods: 5 }).trunkEnis, 0);
    // With custom networking the trunk and branches are in the ENIConfig subnet.
    const custom = nodeAddressUse(M5_LARGE, { podEni: true, customNetworking: true }, 5, { branchPods: 2 });
    assert.deepEqual(custom.nodeSubnet, { addresses: 1, prefixes: 0 });
    assert.deepEqual(custom.podSubnet, { addresses: 1 + 9 + 1 + 2, prefixes: 0 });
  });
});

describe('free aligned /28 prefixes', () => {
  // AWS keeps the first four addresses and the last of every subnet
  // (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html), so the first and last
  // /28 can never be a prefix.
  it('an empty /24 has 16 blocks and 14 free', () => {
    assert.deepEqual(prefixSpace(cidr('10.0.0.0/24')), { blocks: 16, reservedBlocks: 2, takenBlocks: 0, freeBlocks: 14, freeAddresses: 251, spareAddresses: 27 });
  });
  it('a /28 or a /27 subnet has no free prefix', () => {
    assert.deepEqual(prefixSpace(cidr('10.0.0.16/28')), { blocks: 1, reservedBlocks: 1, takenBlocks: 0, freeBlocks: 0, freeAddresses: 11, spareAddresses: 11 });
    assert.equal(prefixSpace(cidr('10.0.0.32/27'))!.freeBlocks, 0);
    assert.equal(prefixSpace(cidr('10.0.0.0/20'))!.freeBlocks, 254);
  });
  it('scattered single addresses each spoil a block', () => {
    const space = prefixSpace(cidr('10.0.0.0/24'), [ip('10.0.0.20'), ip('10.0.0.40'), ip('10.0.0.60'), ip('10.0.0.5'), ip('10.0.0.30')])!;
    // 20 and 30 share block 1; 5 is in the reserved block 0.
    assert.deepEqual([space.takenBlocks, space.freeBlocks, space.freeAddresses], [2 + 1, 11, 246]);
  });
  it('taken blocks and ranges, overlapping, unsorted, partly outside', () => {
    const space = prefixSpace(cidr('10.0.0.0/24'), [cidr('10.0.0.96/27'), cidr('10.0.0.64/26'), { first: ip('10.0.0.250').value, last: ip('10.0.1.10').value }, cidr('192.168.0.0/24')])!;
    // 64–127 is blocks 4–7; 250–255 lies in the last block (reserved anyway).
    assert.deepEqual([space.takenBlocks, space.freeBlocks, space.freeAddresses], [4, 10, 251 - 64 - 5]);
  });
  it('has no answer for IPv6', () => {
    assert.equal(prefixSpace(cidr('2600:1f18::/64')), undefined);
  });
  it('counts what single addresses still to come leave, packed or scattered', () => {
    const space = prefixSpace(cidr('10.0.0.0/24'))!;
    assert.equal(freeBlocksAfter(space, 27), 14); // the spare addresses of the first and last block
    assert.equal(freeBlocksAfter(space, 28), 13);
    assert.equal(freeBlocksAfter(space, 3, 'scattered'), 11);
    assert.equal(freeBlocksAfter(space, 30, 'scattered'), 0);
    assert.equal(fitsIn(space, 27, 14), true);
    assert.equal(fitsIn(space, 28, 14), false);
    assert.equal(fitsIn(space, 3, 14, 'scattered'), false);
    assert.equal(fitsIn(space, 252, 0), false);
    assert.equal(fitsIn(space, 251, 0), true);
  });
});

describe('other consumers', () => {
  // https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html: "five
  // Availability Zones and maxUnavailable as one … a maximum of 10 nodes"; maxUnavailable 20 → 20.
  it('managed node group update surge', () => {
    assert.deepEqual(managedNodeGroupSurge(5, 1), { total: 10, perZone: 2 });
    assert.deepEqual(managedNodeGroupSurge(5, 20), { total: 20, perZone: 4 });
    assert.deepEqual(managedNodeGroupSurge(3), { total: 6, perZone: 2 });
    assert.deepEqual(managedNodeGroupSurge(2, 500), { total: 100, perZone: 50 });
  });
});

describe('demand per subnet and the first scale event', () => {
  const a: SubnetSupply = { id: 'a', zone: 'us-east-1a', cidr: cidr('10.0.0.0/24'), others: [{ consumer: 'EKS control plane', addresses: 6 }] };
  const b: SubnetSupply = { id: 'b', zone: 'us-east-1b', cidr: cidr('10.0.1.0/24') };
  // m5.large, secondary IP, full: 30 addresses a node.
  const web: GroupDemand = { name: 'web', maxNodes: 20, limits: M5_LARGE, settings: {}, podsPerNode: 27, kubeletMaxPods: 29, nodeSubnets: ['a', 'b'] };
  // m5.large, prefix delegation at 110: 1 address and 7 prefixes a node.
  const batch: GroupDemand = { name: 'batch', maxNodes: 3, limits: M5_LARGE, settings: { prefixDelegation: true }, podsPerNode: 108, kubeletMaxPods: 110, nodeSubnets: ['b'] };

  it('one group: the 9th node in subnet a (its 17th) runs out of addresses', () => {
    // a: 251 usable − 6 for the control plane = 245 = 8 nodes of 30; nodes alternate a, b.
    const report = subnetDemand([a, b], [web]);
    assert.deepEqual(report.firstEvent, { group: 'web', nodes: 17, duringSurge: false, subnet: 'a', zone: 'us-east-1a', shortOf: 'addresses' });
    const [da, db] = report.subnets;
    assert.deepEqual([da!.addresses, da!.total, da!.headroom, da!.exhausted], [306, 306, -55, true]);
    assert.deepEqual(
      da!.consumers.map((c) => [c.consumer, c.kind, c.nodes, c.addresses]),
      [
        ['web', 'nodes', 10, 300],
        ['EKS control plane', 'other', undefined, 6],
      ],
    );
    assert.equal(db!.total, 300);
    assert.deepEqual(report.zones.get('us-east-1b'), { subnets: ['b'], total: 300, freeAddresses: 251 });
  });

  it('two groups: prefixes run out in a fragmented subnet while addresses remain', () => {
    // b already has 8 scattered addresses in 8 different blocks: 6 free blocks, 243 free addresses.
    const taken = [20, 40, 60, 80, 100, 120, 140, 160].map((n) => ip(`10.0.1.${n}`));
    const fragmented: SubnetSupply = { ...b, taken };
    // batch at 48 max pods: ⌈46 / 16⌉ + 1 = 4 prefixes, held at ⌈48 / 16⌉ = 3. Round 1: web 1 → a,
    // batch 1 → b (3 prefixes). Round 2: web 2 → b (30 singles, within the 147 spare addresses),
    // batch 2 (6 prefixes). Round 3: web 3 → a, batch 3 needs 9 prefixes, with 177 of 243 addresses used.
    const small: GroupDemand = { ...batch, podsPerNode: 46, kubeletMaxPods: 48 };
    const report = subnetDemand([a, fragmented], [web, small]);
    assert.deepEqual(report.firstEvent, { group: 'batch', nodes: 3, duringSurge: false, subnet: 'b', zone: 'us-east-1b', shortOf: 'prefixes' });
    // Scattered placement: web's 30 singles in b may spoil every free block before batch's second node.
    assert.deepEqual(subnetDemand([a, fragmented], [web, small], 'scattered').firstEvent, { group: 'web', nodes: 2, duringSurge: false, subnet: 'b', zone: 'us-east-1b', shortOf: 'prefixes' });
    // Without the taken addresses it fits longer, and then addresses run out first.
    assert.deepEqual(subnetDemand([a, b], [web, batch]).firstEvent, { group: 'batch', nodes: 2, duringSurge: false, subnet: 'b', zone: 'us-east-1b', shortOf: 'addresses' });
  });

  it('everything fits: no event, and the atRisk flag for scattered addresses', () => {
    const big: SubnetSupply = { id: 'big', cidr: cidr('10.1.0.0/21') };
    const small = { ...batch, maxNodes: 2, nodeSubnets: ['big'] };
    const singles = { ...web, maxNodes: 30, nodeSubnets: ['big'] };
    const report = subnetDemand([big], [small, singles]);
    assert.equal(report.firstEvent, undefined);
    // /21: 128 blocks, 126 free, 27 spare addresses. Demand: 902 singles (2 + 900) and 14 prefixes,
    // 1,126 of 2,043 addresses; packed, the singles take 55 blocks and leave 71.
    const [d] = report.subnets;
    assert.deepEqual([d!.addresses, d!.prefixes, d!.total, d!.exhausted, d!.atRisk], [902, 14, 1126, false, true]);
  });

  it('the other consumers alone can exhaust a subnet', () => {
    const tiny: SubnetSupply = {
      id: 't',
      cidr: cidr('10.0.0.0/28'),
      others: [
        { consumer: 'ALB', addresses: 8 },
        { consumer: 'NAT gateway', addresses: 1 },
        { consumer: 'endpoints', addresses: 3 },
      ],
    };
    assert.deepEqual(subnetDemand([tiny], []).firstEvent, { group: undefined, nodes: 0, duringSurge: false, subnet: 't', zone: undefined, shortOf: 'addresses' });
  });

  it('custom networking: node and pod subnets, surge counted last', () => {
    const pods: SubnetSupply = { id: 'pods-a', zone: 'us-east-1a', cidr: cidr('100.64.0.0/26') };
    const group: GroupDemand = {
      name: 'cn',
      maxNodes: 2,
      surgeNodes: 2,
      limits: M5_LARGE,
      settings: { customNetworking: true },
      podsPerNode: 18,
      kubeletMaxPods: 20,
      nodeSubnets: ['a'],
      podSubnets: { a: 'pods-a' },
    };
    // Each node: 1 address in a, 20 in pods-a (59 usable): 2 nodes fit, the first surge node does not.
    const report = subnetDemand([a, pods], [group]);
    assert.deepEqual(report.firstEvent, { group: 'cn', nodes: 3, duringSurge: true, subnet: 'pods-a', zone: 'us-east-1a', shortOf: 'addresses' });
    const podSubnet = report.subnets[1]!;
    assert.deepEqual(
      podSubnet.consumers.map((c) => [c.kind, c.nodes, c.addresses]),
      [
        ['pods', 2, 40],
        ['surge', 2, 40],
      ],
    );
    assert.deepEqual(
      report.subnets[0]!.consumers.map((c) => [c.consumer, c.kind, c.addresses]),
      [
        ['EKS control plane', 'other', 6],
        ['cn', 'nodes', 2],
        ['cn', 'surge', 2],
      ],
    );
    assert.deepEqual(subnetDemand([a], [group]).unknownSubnets, ['pods-a']);
  });

  it('matches a node-by-node simulation', () => {
    // The same growth order played one node at a time, recomputing every subnet from scratch.
    const supply: SubnetSupply[] = [
      { id: 's1', cidr: cidr('10.2.0.0/23'), taken: [ip('10.2.0.100'), ip('10.2.1.7')] },
      { id: 's2', cidr: cidr('10.2.2.0/24'), others: [{ consumer: 'x', addresses: 20 }] },
      { id: 's3', cidr: cidr('10.2.3.0/25') },
    ];
    const settings: CniValues[] = [{}, { prefixDelegation: true }, { warmIpTarget: 2, minimumIpTarget: 5 }, { customNetworking: true }];
    const seen = new Set<string>();
    for (let seed = 0; seed < 24; seed++) {
      const groups: GroupDemand[] = [0, 1, 2].map((g) => ({
        name: `g${g}`,
        maxNodes: 3 + ((seed * 7 + g * 5) % 11),
        surgeNodes: (seed + g) % 3,
        limits: [M5_LARGE, T3_SMALL, M5_XLARGE][(seed + g) % 3]!,
        settings: settings[(seed + 2 * g) % settings.length]!,
        podsPerNode: 5 + ((seed * 13 + g * 3) % 40),
        nodeSubnets: (['s1', 's2', 's3'] as const).slice(0, 1 + ((seed + g) % 3)),
        podSubnets: { s1: 's3', s2: 's3', s3: 's1' },
      }));
      for (const placement of ['packed', 'scattered'] as const) {
        const got = subnetDemand(supply, groups, placement).firstEvent;
        assert.deepEqual(got, simulate(supply, groups, placement), `seed ${seed} ${placement}`);
        seen.add(got ? `${got.shortOf}${got.duringSurge ? ' in surge' : ''}` : 'fits');
      }
    }
    // The cases cover every outcome.
    assert.deepEqual([...seen].sort(), ['addresses', 'addresses in surge', 'fits', 'prefixes']);
  });

  it('does work proportional to groups × subnets × log(nodes), not to nodes', () => {
    const huge: SubnetSupply[] = [0, 1, 2].map((i) => ({ id: `h${i}`, cidr: cidr(`10.${i}.0.0/16`) }));
    const groups: GroupDemand[] = [0, 1, 2, 3].map((g) => ({ name: `g${g}`, maxNodes: 100_000, limits: M5_LARGE, settings: {}, podsPerNode: 27, nodeSubnets: ['h0', 'h1', 'h2'] }));
    const report = subnetDemand(huge, groups);
    assert.equal(report.firstEvent?.subnet, 'h0');
    // Terms per evaluation: 4 groups × 3 subnets. Evaluations: full scale, zero, the last step and
    // ⌈log2(400,000)⌉ = 19 bisection steps, and the found step once more: 23.
    const terms = 4 * 3;
    assert.ok(report.work <= terms * 23, `work ${report.work}`);
    // A node-by-node search would evaluate about 2,000 steps here (65,531 usable / 30 ≈ 2,184 per subnet).
    assert.ok(report.work < 2000);
  });
});

/** The first scale event, found by adding one node at a time in the documented order. */
function simulate(supply: readonly SubnetSupply[], groups: readonly GroupDemand[], placement: 'packed' | 'scattered') {
  const spaces = supply.map((s) => prefixSpace(s.cidr, s.taken)!);
  const index = new Map(supply.map((s, i) => [s.id, i]));
  const addresses = supply.map((s) => (s.others ?? []).reduce((sum, o) => sum + o.addresses, 0));
  const prefixes = supply.map(() => 0);
  const check = () => {
    for (let s = 0; s < supply.length; s++) {
      if (addresses[s]! + prefixes[s]! * 16 > spaces[s]!.freeAddresses) return { s, shortOf: 'addresses' as const };
      if (prefixes[s]! > freeBlocksAfter(spaces[s]!, addresses[s]!, placement)) return { s, shortOf: 'prefixes' as const };
    }
    return undefined;
  };
  const uses = groups.map((g) => nodeAddressUse(g.limits, g.settings, g.podsPerNode, { kubeletMaxPods: g.kubeletMaxPods, branchPods: g.branchPodsPerNode }));
  const counts = groups.map(() => 0);
  for (const phase of ['main', 'surge'] as const) {
    const target = groups.map((g) => (phase === 'main' ? g.maxNodes : g.maxNodes + (g.surgeNodes ?? 0)));
    while (counts.some((n, g) => n < target[g]!)) {
      for (let g = 0; g < groups.length; g++) {
        if (counts[g]! >= target[g]!) continue;
        const group = groups[g]!;
        const slot = group.nodeSubnets[counts[g]! % group.nodeSubnets.length]!;
        const use = uses[g]!;
        addresses[index.get(slot)!]! += use.nodeSubnet.addresses;
        prefixes[index.get(slot)!]! += use.nodeSubnet.prefixes;
        if (use.podSubnet) {
          const pod = index.get(group.podSubnets![slot]!)!;
          addresses[pod]! += use.podSubnet.addresses;
          prefixes[pod]! += use.podSubnet.prefixes;
        }
        counts[g]!++;
        const short = check();
        if (short) return { group: group.name, nodes: counts[g]!, duringSurge: phase === 'surge', subnet: supply[short.s]!.id, zone: supply[short.s]!.zone, shortOf: short.shortOf };
      }
    }
  }
  return undefined;
}
