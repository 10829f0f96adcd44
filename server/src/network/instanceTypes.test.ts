import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { INSTANCE_DATA_SOURCES, LIMITS_GENERATED_AT, defaultMaxPods, instanceNetworkLimits, instanceTypeNames, podNetworkLimits, prefixDelegationSupported, recommendedMaxPods } from './instanceTypes';

// The hand-copied table this module had before the generated one (type, ENIs, IPv4 per ENI), as in
// `git show 2af49d37ab2052575aa1e788350632b0fb554da2:server/src/network/instanceTypes.ts`. Every row
// must give the same numbers now, so that subnet-capacity's findings do not move.
const OLD_TABLE = `
t3.nano 2 2
t3.micro 2 2
t3.small 3 4
t3.medium 3 6
t3.large 3 12
t3.xlarge 4 15
t3.2xlarge 4 15
t3a.nano 2 2
t3a.micro 2 2
t3a.small 2 4
t3a.medium 3 6
t3a.large 3 12
t3a.xlarge 4 15
t3a.2xlarge 4 15
t4g.nano 2 2
t4g.micro 2 2
t4g.small 3 4
t4g.medium 3 6
t4g.large 3 12
t4g.xlarge 4 15
t4g.2xlarge 4 15
m5.large 3 10
m5.xlarge 4 15
m5.2xlarge 4 15
m5.4xlarge 8 30
m5.8xlarge 8 30
m5.12xlarge 8 30
m5.16xlarge 15 50
m5.24xlarge 15 50
m5.metal 15 50
m5a.large 3 10
m5a.xlarge 4 15
m5a.2xlarge 4 15
m5a.4xlarge 8 30
m5a.8xlarge 8 30
m5a.12xlarge 8 30
m5a.16xlarge 15 50
m5a.24xlarge 15 50
m5n.large 3 10
m5n.xlarge 4 15
m5n.2xlarge 4 15
m5n.4xlarge 8 30
m5n.8xlarge 8 30
m5n.12xlarge 8 30
m5n.16xlarge 15 50
m5n.24xlarge 15 50
m5n.metal 15 50
m6i.large 3 10
m6i.xlarge 4 15
m6i.2xlarge 4 15
m6i.4xlarge 8 30
m6i.8xlarge 8 30
m6i.12xlarge 8 30
m6i.16xlarge 15 50
m6i.24xlarge 15 50
m6i.32xlarge 15 50
m6i.metal 15 50
m6a.large 3 10
m6a.xlarge 4 15
m6a.2xlarge 4 15
m6a.4xlarge 8 30
m6a.8xlarge 8 30
m6a.12xlarge 8 30
m6a.16xlarge 15 50
m6a.24xlarge 15 50
m6a.32xlarge 15 50
m6a.48xlarge 15 50
m6a.metal 15 50
m6g.medium 2 4
m6g.large 3 10
m6g.xlarge 4 15
m6g.2xlarge 4 15
m6g.4xlarge 8 30
m6g.8xlarge 8 30
m6g.12xlarge 8 30
m6g.16xlarge 15 50
m6g.metal 15 50
m7i.large 3 10
m7i.xlarge 4 15
m7i.2xlarge 4 15
m7i.4xlarge 8 30
m7i.8xlarge 8 30
m7i.12xlarge 8 30
m7i.16xlarge 15 50
m7i.24xlarge 15 50
m7i.48xlarge 15 50
m7i.metal-24xl 15 50
m7i.metal-48xl 15 50
m7a.medium 2 4
m7a.large 3 10
m7a.xlarge 4 15
m7a.2xlarge 4 15
m7a.4xlarge 8 30
m7a.8xlarge 8 30
m7a.12xlarge 8 30
m7a.16xlarge 15 50
m7a.24xlarge 15 50
m7a.32xlarge 15 50
m7a.48xlarge 15 50
m7a.metal-48xl 15 50
m7g.medium 2 4
m7g.large 3 10
m7g.xlarge 4 15
m7g.2xlarge 4 15
m7g.4xlarge 8 30
m7g.8xlarge 8 30
m7g.12xlarge 8 30
m7g.16xlarge 15 50
m7g.metal 15 50
c5.large 3 10
c5.xlarge 4 15
c5.2xlarge 4 15
c5.4xlarge 8 30
c5.9xlarge 8 30
c5.12xlarge 8 30
c5.18xlarge 15 50
c5.24xlarge 15 50
c5.metal 15 50
c5a.large 3 10
c5a.xlarge 4 15
c5a.2xlarge 4 15
c5a.4xlarge 8 30
c5a.8xlarge 8 30
c5a.12xlarge 8 30
c5a.16xlarge 15 50
c5a.24xlarge 15 50
c5a.metal 15 50
c6i.large 3 10
c6i.xlarge 4 15
c6i.2xlarge 4 15
c6i.4xlarge 8 30
c6i.8xlarge 8 30
c6i.12xlarge 8 30
c6i.16xlarge 15 50
c6i.24xlarge 15 50
c6i.32xlarge 15 50
c6i.metal 15 50
c6a.large 3 10
c6a.xlarge 4 15
c6a.2xlarge 4 15
c6a.4xlarge 8 30
c6a.8xlarge 8 30
c6a.12xlarge 8 30
c6a.16xlarge 15 50
c6a.24xlarge 15 50
c6a.32xlarge 15 50
c6a.48xlarge 15 50
c6a.metal 15 50
c6g.medium 2 4
c6g.large 3 10
c6g.xlarge 4 15
c6g.2xlarge 4 15
c6g.4xlarge 8 30
c6g.8xlarge 8 30
c6g.12xlarge 8 30
c6g.16xlarge 15 50
c6g.metal 15 50
c7i.large 3 10
c7i.xlarge 4 15
c7i.2xlarge 4 15
c7i.4xlarge 8 30
c7i.8xlarge 8 30
c7i.12xlarge 8 30
c7i.16xlarge 15 50
c7i.24xlarge 15 50
c7i.48xlarge 15 50
c7i.metal-24xl 15 50
c7i.metal-48xl 15 50
c7g.medium 2 4
c7g.large 3 10
c7g.xlarge 4 15
c7g.2xlarge 4 15
c7g.4xlarge 8 30
c7g.8xlarge 8 30
c7g.12xlarge 8 30
c7g.16xlarge 15 50
c7g.metal 15 50
r5.large 3 10
r5.xlarge 4 15
r5.2xlarge 4 15
r5.4xlarge 8 30
r5.8xlarge 8 30
r5.12xlarge 8 30
r5.16xlarge 15 50
r5.24xlarge 15 50
r5.metal 15 50
r6i.large 3 10
r6i.xlarge 4 15
r6i.2xlarge 4 15
r6i.4xlarge 8 30
r6i.8xlarge 8 30
r6i.12xlarge 8 30
r6i.16xlarge 15 50
r6i.24xlarge 15 50
r6i.32xlarge 15 50
r6i.metal 15 50
r6a.large 3 10
r6a.xlarge 4 15
r6a.2xlarge 4 15
r6a.4xlarge 8 30
r6a.8xlarge 8 30
r6a.12xlarge 8 30
r6a.16xlarge 15 50
r6a.24xlarge 15 50
r6a.32xlarge 15 50
r6a.48xlarge 15 50
r6a.metal 15 50
r6g.medium 2 4
r6g.large 3 10
r6g.xlarge 4 15
r6g.2xlarge 4 15
r6g.4xlarge 8 30
r6g.8xlarge 8 30
r6g.12xlarge 8 30
r6g.16xlarge 15 50
r6g.metal 15 50
r7i.large 3 10
r7i.xlarge 4 15
r7i.2xlarge 4 15
r7i.4xlarge 8 30
r7i.8xlarge 8 30
r7i.12xlarge 8 30
r7i.16xlarge 15 50
r7i.24xlarge 15 50
r7i.48xlarge 15 50
r7i.metal-24xl 15 50
r7i.metal-48xl 15 50
r7g.medium 2 4
r7g.large 3 10
r7g.xlarge 4 15
r7g.2xlarge 4 15
r7g.4xlarge 8 30
r7g.8xlarge 8 30
r7g.12xlarge 8 30
r7g.16xlarge 15 50
r7g.metal 15 50
g4dn.xlarge 3 10
g4dn.2xlarge 3 10
g4dn.4xlarge 3 10
g4dn.8xlarge 4 15
g4dn.12xlarge 8 30
g4dn.16xlarge 4 15
g4dn.metal 15 50
g5.xlarge 4 15
g5.2xlarge 4 15
g5.4xlarge 8 30
g5.8xlarge 8 30
g5.12xlarge 15 50
g5.16xlarge 8 30
g5.24xlarge 15 50
g5.48xlarge 7 50
p3.2xlarge 4 15
p3.8xlarge 8 30
p3.16xlarge 8 30
`;

// Values of aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt at commit b52188387f2e2f10bf289ace929d6a63b176a4fa,
// one or two per family, old and new generations, Xen, bare metal and multi-card types among them.
const ENI_MAX_PODS: ReadonlyArray<readonly [string, number]> = [
  ['a1.medium', 8],
  ['c5n.18xlarge', 737],
  ['c7i.metal-48xl', 737],
  ['d3.xlarge', 10],
  ['g5.48xlarge', 345],
  ['g6.48xlarge', 737],
  ['i4i.large', 29],
  ['inf2.48xlarge', 737],
  ['m4.large', 20],
  ['m5.large', 29],
  ['m5.24xlarge', 737],
  ['m7i-flex.large', 29],
  ['m8g.medium', 8],
  ['p4d.24xlarge', 737],
  ['p5.48xlarge', 100],
  ['r8i.large', 59],
  ['t2.medium', 17],
  ['t3.nano', 4],
  ['trn1.32xlarge', 247],
  ['u7i-12tb.224xlarge', 737],
  ['x2iedn.metal', 737],
];

// DescribeInstanceTypes' VCpuInfo.DefaultVCpus, as the karpenter.k8s.aws/instance-cpu label of
// aws/karpenter-provider-aws website/content/en/preview/reference/instance-types.md at commit
// 1d927085dd81a9df9301e613f371dac5b4d16bfe.
const VCPUS: ReadonlyArray<readonly [string, number]> = [
  ['m6g.medium', 1],
  ['m5.large', 2],
  ['t3.medium', 2],
  ['m5.4xlarge', 16],
  ['c5.9xlarge', 36],
  ['m5.24xlarge', 96],
  ['p4d.24xlarge', 96],
  ['p5.48xlarge', 192],
  ['c7i.metal-48xl', 192],
];

describe('instance network limits', () => {
  it('keeps every number of the hand-copied table it replaced', () => {
    const rows = OLD_TABLE.trim().split('\n');
    assert.equal(rows.length, 254);
    for (const row of rows) {
      const [type, enis, ipv4] = row.split(' ');
      const limits = instanceNetworkLimits(type!);
      assert.ok(limits, type);
      assert.equal(limits.enis, Number(enis), type);
      assert.equal(limits.ipv4PerEni, Number(ipv4), type);
      assert.equal(defaultMaxPods(type!), Number(enis) * (Number(ipv4) - 1) + 2, type);
    }
  });

  it('matches eni-max-pods.txt across families', () => {
    for (const [type, pods] of ENI_MAX_PODS) assert.equal(defaultMaxPods(type), pods, type);
  });

  it('gives m5.large every field from the sources', () => {
    // limits.go / zz_generated.vpclimits.go: Interface 3, IPv4PerInterface 10, trunking with
    // BranchInterface 9, one card, Hypervisor "nitro"; Karpenter's page: 2 vCPUs.
    assert.deepEqual(instanceNetworkLimits('m5.large'), { enis: 3, ipv4PerEni: 10, nitro: true, bareMetal: false, branchEnis: 9, networkCards: 1, vcpus: 2 });
    assert.equal(defaultMaxPods('m5.large'), 3 * (10 - 1) + 2);
    assert.equal(defaultMaxPods('m5.large'), 29);
  });

  it('marks Xen types as not Nitro, without prefix delegation or branch ENIs', () => {
    for (const type of ['m4.large', 't2.medium', 'p3.2xlarge']) {
      const limits = instanceNetworkLimits(type);
      assert.equal(limits?.nitro, false, type);
      assert.equal(limits?.bareMetal, false, type);
      assert.equal(limits?.branchEnis, 0, type);
      assert.equal(prefixDelegationSupported(type), false, type);
    }
    assert.equal(prefixDelegationSupported('m5.large'), true);
  });

  it('marks bare metal, which reports no hypervisor, as able to use prefix delegation', () => {
    const limits = instanceNetworkLimits('x2iedn.metal');
    assert.equal(limits?.nitro, false);
    assert.equal(limits?.bareMetal, true);
    assert.equal(prefixDelegationSupported('x2iedn.metal'), true);
    // The capacity formulas are told so too: they read only `nitro`.
    assert.equal(podNetworkLimits('x2iedn.metal')?.nitro, true);
    assert.deepEqual(podNetworkLimits('m4.large'), { enis: 2, ipv4PerEni: 10, vcpus: 2, nitro: false, branchEnis: 0 });
    assert.equal(podNetworkLimits('no.such-type'), undefined);
    assert.equal(instanceNetworkLimits('c7i.metal-48xl')?.bareMetal, true);
    assert.equal(instanceNetworkLimits('c7i.48xlarge')?.bareMetal, false);
  });

  it('gives branch ENIs only to trunking-compatible types', () => {
    assert.equal(instanceNetworkLimits('m5.large')?.branchEnis, 9);
    assert.equal(instanceNetworkLimits('m5.24xlarge')?.branchEnis, 107);
    assert.equal(instanceNetworkLimits('a1.medium')?.branchEnis, 10);
    // t3 is Nitro but not trunking-compatible: no security groups for pods.
    assert.equal(instanceNetworkLimits('t3.medium')?.nitro, true);
    assert.equal(instanceNetworkLimits('t3.medium')?.branchEnis, 0);
  });

  it('counts ENIs of the default network card only on multi-card types', () => {
    // p5.48xlarge: 32 cards of 2 interfaces (64 in all); the CNI uses card 0, so 2 × 49 + 2 = 100.
    assert.deepEqual(instanceNetworkLimits('p5.48xlarge'), { enis: 2, ipv4PerEni: 50, nitro: true, bareMetal: false, branchEnis: 120, networkCards: 32, vcpus: 192 });
    assert.equal(defaultMaxPods('p5.48xlarge'), 100);
    // p4d.24xlarge: 4 cards of 15 interfaces (60 in all): 15 × 49 + 2 = 737.
    assert.equal(instanceNetworkLimits('p4d.24xlarge')?.networkCards, 4);
    assert.equal(instanceNetworkLimits('p4d.24xlarge')?.enis, 15);
    assert.equal(defaultMaxPods('p4d.24xlarge'), 737);
    assert.equal(instanceNetworkLimits('m5.large')?.networkCards, 1);
  });

  it('gives vCPU counts from the source, and none where no source lists the type', () => {
    for (const [type, vcpus] of VCPUS) assert.equal(instanceNetworkLimits(type)?.vcpus, vcpus, type);
    // In the limits but on no Karpenter page: known network limits, unknown vCPUs.
    const flex = instanceNetworkLimits('c7g-flex.large');
    assert.equal(flex?.enis, 3);
    assert.equal(flex?.vcpus, undefined);
    assert.ok(flex && !('vcpus' in flex));
    assert.equal(recommendedMaxPods('c7g-flex.large'), undefined);
  });

  it('caps the recommended max pods at 110 up to 30 vCPUs and 250 above, as max-pods-calculator.sh does', () => {
    assert.equal(recommendedMaxPods('m5.large'), 29); // 2 vCPUs, 29 < 110
    assert.equal(recommendedMaxPods('m5.4xlarge'), 110); // 16 vCPUs, 234 capped at 110
    assert.equal(recommendedMaxPods('c5.9xlarge'), 234); // 36 vCPUs, 234 < 250
    assert.equal(recommendedMaxPods('m5.24xlarge'), 250); // 96 vCPUs, 737 capped at 250
    assert.equal(recommendedMaxPods('p5.48xlarge'), 100); // 192 vCPUs, 100 < 250
    assert.equal(recommendedMaxPods('m5.huge'), undefined);
  });

  it('gives every entry whole positive numbers', () => {
    const types = instanceTypeNames();
    assert.ok(types.length > 1300, String(types.length));
    assert.deepEqual([...types].sort(), types);
    for (const type of types) {
      const l = instanceNetworkLimits(type)!;
      assert.equal(type, type.trim().toLowerCase());
      assert.ok(Number.isInteger(l.enis) && l.enis >= 1, type);
      assert.ok(Number.isInteger(l.ipv4PerEni) && l.ipv4PerEni >= 1, type);
      assert.ok(Number.isInteger(l.branchEnis) && l.branchEnis >= 0, type);
      assert.ok(Number.isInteger(l.networkCards) && l.networkCards >= 1, type);
      if (l.vcpus !== undefined) assert.ok(Number.isInteger(l.vcpus) && l.vcpus >= 1, type);
      assert.ok(!(l.nitro && l.bareMetal), type);
    }
  });

  it('accepts surrounding space and upper case', () => {
    assert.equal(defaultMaxPods(' M5.Large '), 29);
    assert.equal(instanceNetworkLimits('\tP5.48XLARGE\n')?.networkCards, 32);
    assert.equal(prefixDelegationSupported(' M4.LARGE'), false);
  });

  it('returns undefined for unknown types', () => {
    assert.equal(defaultMaxPods('m5.huge'), undefined);
    assert.equal(defaultMaxPods('x9z.large'), undefined);
    assert.equal(defaultMaxPods(''), undefined);
    assert.equal(defaultMaxPods('constructor'), undefined);
    assert.equal(defaultMaxPods('__proto__'), undefined);
    assert.equal(instanceNetworkLimits('toString'), undefined);
    assert.equal(instanceNetworkLimits('m5.large 3'), undefined);
    assert.equal(prefixDelegationSupported('m5.huge'), undefined);
  });

  it('names its sources, with commits and the generation date, in the data file header', () => {
    const header = readFileSync('server/src/network/instanceTypes.data.ts', 'utf8').split('\n\n')[0]!;
    assert.match(header, /^\/\/ GENERATED by scripts\/gen-instance-types\.mjs/);
    assert.match(LIMITS_GENERATED_AT, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(header.includes(`generated at ${LIMITS_GENERATED_AT}`));
    const wanted = [
      /^limits: aws\/(amazon-vpc-resource-controller-k8s pkg\/aws\/vpc\/limits\.go|karpenter-provider-aws pkg\/providers\/instancetype\/zz_generated\.vpclimits\.go) @ [0-9a-f]{40} /,
      /^max-pods cross-check: aws\/amazon-vpc-cni-k8s misc\/eni-max-pods\.txt @ [0-9a-f]{40} /,
      /^vcpus: aws\/karpenter-provider-aws website\/content\/en\/preview\/reference\/instance-types\.md @ [0-9a-f]{40} /,
    ];
    for (const re of wanted) {
      const line = INSTANCE_DATA_SOURCES.find((s) => re.test(s));
      assert.ok(line, String(re));
      assert.ok(header.includes(line), line);
    }
  });
});
