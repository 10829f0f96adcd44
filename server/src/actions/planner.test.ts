import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contains, overlaps, parseCidr, type Cidr } from '../net/cidr';
import { defaultPrefixes, planSubnets, type PlanRequest, type PlanResult, type PlannedSubnet } from './planner';

const AZS = ['us-west-2a', 'us-west-2b', 'us-west-2c'];

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  assert.ok(parsed.ok, text);
  return parsed.value;
}

function ok(result: PlanResult): { subnets: PlannedSubnet[]; free: string[] } {
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result;
}

function reason(result: PlanResult): string {
  assert.ok(!result.ok, 'expected the plan to be refused');
  return result.reason;
}

/** Every planned block aligned, inside the VPC, clear of the others and of `taken`; free blocks likewise. */
function assertSound(req: PlanRequest, subnets: readonly PlannedSubnet[], free: readonly string[]): void {
  const vpc = cidr(req.vpc);
  const blocks = subnets.map((s) => cidr(s.cidr));
  const taken = (req.taken ?? []).map(cidr);
  blocks.forEach((b, i) => {
    assert.equal(b.hostBitsSet, false, `${b.text} is aligned`);
    assert.equal(b.network, b.text, `${b.text} is written as its network address`);
    assert.ok(contains(vpc, b), `${b.text} is inside ${vpc.text}`);
    assert.equal(subnets[i].usable, Number(b.last - b.first + 1n) - 5);
    for (const t of taken) assert.ok(!overlaps(b, t), `${b.text} avoids taken ${t.text}`);
    blocks.forEach((other, j) => assert.ok(i === j || !overlaps(b, other), `${b.text} overlaps ${other.text}`));
  });
  const freeBlocks = free.map(cidr);
  for (const f of freeBlocks) {
    assert.ok(contains(vpc, f) && !f.hostBitsSet);
    for (const b of [...blocks, ...taken]) assert.ok(!overlaps(f, b), `free ${f.text} overlaps ${b.text}`);
  }
  for (let i = 1; i < freeBlocks.length; i++) assert.ok(freeBlocks[i - 1].last < freeBlocks[i].first, 'free blocks in address order');
  // Everything in the VPC is a subnet, taken, or free.
  const covered = [...blocks, ...freeBlocks].reduce((n, b) => n + (b.last - b.first + 1n), 0n) + taken.filter((t) => contains(vpc, t)).reduce((n, t) => n + (t.last - t.first + 1n), 0n);
  assert.equal(covered, vpc.last - vpc.first + 1n);
}

describe('planSubnets', () => {
  const base: PlanRequest = { vpc: '10.0.0.0/16', azs: AZS, tiers: ['public', 'private', 'vpn'] };

  it('lays out 10.0.0.0/16 across three zones: private /19s first, then public and vpn /21s', () => {
    const { subnets, free } = ok(planSubnets(base));
    assert.deepEqual(subnets, [
      { az: 'us-west-2a', tier: 'public', cidr: '10.0.96.0/21', usable: 2043 },
      { az: 'us-west-2b', tier: 'public', cidr: '10.0.104.0/21', usable: 2043 },
      { az: 'us-west-2c', tier: 'public', cidr: '10.0.112.0/21', usable: 2043 },
      { az: 'us-west-2a', tier: 'private', cidr: '10.0.0.0/19', usable: 8187 },
      { az: 'us-west-2b', tier: 'private', cidr: '10.0.32.0/19', usable: 8187 },
      { az: 'us-west-2c', tier: 'private', cidr: '10.0.64.0/19', usable: 8187 },
      { az: 'us-west-2a', tier: 'vpn', cidr: '10.0.120.0/21', usable: 2043 },
      { az: 'us-west-2b', tier: 'vpn', cidr: '10.0.128.0/21', usable: 2043 },
      { az: 'us-west-2c', tier: 'vpn', cidr: '10.0.136.0/21', usable: 2043 },
    ]);
    assert.deepEqual(free, ['10.0.144.0/20', '10.0.160.0/19', '10.0.192.0/18']);
    assertSound(base, subnets, free);
    for (const s of subnets) assert.equal(cidr(s.cidr).prefix, s.tier === 'private' ? 19 : 21);
  });

  it('is deterministic', () => {
    assert.deepEqual(planSubnets(base), planSubnets({ ...base, azs: [...AZS], tiers: ['public', 'private', 'vpn'] }));
  });

  it('keeps the order given: tiers, then zones, both in the result and among equal sizes', () => {
    const { subnets, free } = ok(planSubnets({ vpc: '10.0.0.0/16', azs: ['us-west-2c', 'us-west-2a'], tiers: ['vpn', 'public'] }));
    assert.deepEqual(
      subnets.map((s) => `${s.tier} ${s.az} ${s.cidr}`),
      ['vpn us-west-2c 10.0.0.0/20', 'vpn us-west-2a 10.0.16.0/20', 'public us-west-2c 10.0.32.0/20', 'public us-west-2a 10.0.48.0/20'],
    );
    assert.deepEqual(free, ['10.0.64.0/18', '10.0.128.0/17']);
  });

  it('defaults: private = VPC + ceil(log2 zones) + 1, public and vpn two longer, clamped to /16–/28', () => {
    assert.deepEqual(defaultPrefixes(16, 3), { private: 19, public: 21, vpn: 21 });
    assert.deepEqual(defaultPrefixes(16, 1), { private: 17, public: 19, vpn: 19 });
    assert.deepEqual(defaultPrefixes(16, 2), { private: 18, public: 20, vpn: 20 });
    assert.deepEqual(defaultPrefixes(16, 6), { private: 20, public: 22, vpn: 22 });
    assert.deepEqual(defaultPrefixes(24, 3), { private: 27, public: 28, vpn: 28 });
    assert.deepEqual(defaultPrefixes(26, 6), { private: 28, public: 28, vpn: 28 });
  });

  it('fits six zones and a /24 VPC with the defaults', () => {
    const six = { vpc: '10.20.0.0/16', azs: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d', 'eu-west-1e', 'eu-west-1f'], tiers: ['private', 'public', 'vpn'] as const };
    const a = ok(planSubnets(six));
    assert.equal(a.subnets.length, 18);
    assertSound(six, a.subnets, a.free);
    const small = { vpc: '192.168.4.0/24', azs: AZS, tiers: ['public', 'private'] as const };
    const b = ok(planSubnets(small));
    assert.deepEqual(
      b.subnets.map((s) => s.cidr),
      ['192.168.4.96/28', '192.168.4.112/28', '192.168.4.128/28', '192.168.4.0/27', '192.168.4.32/27', '192.168.4.64/27'],
    );
    assert.deepEqual(b.free, ['192.168.4.144/28', '192.168.4.160/27', '192.168.4.192/26']);
    assertSound(small, b.subnets, b.free);
  });

  it('takes custom prefixes per tier, keeping the defaults for the others', () => {
    const req: PlanRequest = { vpc: '10.0.0.0/16', azs: ['us-east-1a', 'us-east-1b'], tiers: ['public', 'private', 'vpn'], prefixes: { private: 20, vpn: 26 } };
    const { subnets, free } = ok(planSubnets(req));
    assert.deepEqual(
      subnets.map((s) => `${s.tier} ${s.cidr} ${s.usable}`),
      // Private and public are both /20 here: equal sizes go in tier order, public first.
      ['public 10.0.0.0/20 4091', 'public 10.0.16.0/20 4091', 'private 10.0.32.0/20 4091', 'private 10.0.48.0/20 4091', 'vpn 10.0.64.0/26 59', 'vpn 10.0.64.64/26 59'],
    );
    assertSound(req, subnets, free);
    // A subnet as large as the VPC itself is allowed.
    const whole = ok(planSubnets({ vpc: '10.0.0.0/24', azs: ['us-east-1a'], tiers: ['private'], prefixes: { private: 24 } }));
    assert.deepEqual(
      whole.subnets.map((s) => s.cidr),
      ['10.0.0.0/24'],
    );
    assert.deepEqual(whole.free, []);
  });

  it('avoids blocks already taken, and ignores taken blocks outside the VPC or IPv6', () => {
    const req: PlanRequest = { ...base, tiers: ['public', 'private'], taken: ['10.0.0.0/19', '10.0.64.0/20', '10.1.0.0/16', '2600:1f14::/64'] };
    const { subnets, free } = ok(planSubnets(req));
    assert.deepEqual(
      subnets.map((s) => `${s.tier} ${s.az} ${s.cidr}`),
      [
        'public us-west-2a 10.0.80.0/21',
        'public us-west-2b 10.0.88.0/21',
        'public us-west-2c 10.0.160.0/21',
        'private us-west-2a 10.0.32.0/19',
        'private us-west-2b 10.0.96.0/19',
        'private us-west-2c 10.0.128.0/19',
      ],
    );
    assert.deepEqual(free, ['10.0.168.0/21', '10.0.176.0/20', '10.0.192.0/18']);
    assertSound({ ...req, taken: ['10.0.0.0/19', '10.0.64.0/20'] }, subnets, free);
  });

  it('uses unaligned room left between taken blocks', () => {
    const req: PlanRequest = { vpc: '10.0.0.0/24', azs: ['us-west-2a'], tiers: ['private'], prefixes: { private: 28 }, taken: ['10.0.0.0/28', '10.0.0.32/27', '10.0.0.64/26', '10.0.0.128/25'] };
    const { subnets, free } = ok(planSubnets(req));
    assert.deepEqual(
      subnets.map((s) => s.cidr),
      ['10.0.0.16/28'],
    );
    assert.deepEqual(free, []);
  });

  it('says how many subnets fit when the VPC is too small', () => {
    assert.equal(
      reason(planSubnets({ vpc: '10.0.0.0/24', azs: AZS, tiers: ['public', 'private', 'vpn'], prefixes: { public: 26, private: 26, vpn: 26 } })),
      '10.0.0.0/24 has room for 4 of the 9 subnets at /26: they need 576 addresses and 256 are free. Use a larger VPC block, fewer zones or tiers, or smaller subnets.',
    );
    assert.equal(
      reason(planSubnets({ vpc: '10.0.0.0/28', azs: AZS, tiers: ['public', 'private'] })),
      '10.0.0.0/28 has room for 1 of the 6 subnets at /28: they need 96 addresses and 16 are free. Use a larger VPC block, fewer zones or tiers, or smaller subnets.',
    );
    assert.equal(
      reason(planSubnets({ vpc: '10.0.0.0/24', azs: AZS, tiers: ['public', 'private'], prefixes: { private: 25, public: 27 } })),
      '10.0.0.0/24 has room for 2 of the 6 subnets (3 at /25, 3 at /27): they need 480 addresses and 256 are free. Use a larger VPC block, fewer zones or tiers, or smaller subnets.',
    );
    assert.equal(
      reason(planSubnets({ vpc: '10.0.0.0/24', azs: ['us-west-2a', 'us-west-2b'], tiers: ['private'], prefixes: { private: 25 }, taken: ['10.0.0.0/26', '10.0.0.192/26'] })),
      '10.0.0.0/24 has room for none of the 2 subnets at /25 next to the 2 blocks already taken: they need 256 addresses and 128 are free. Use a larger VPC block, fewer zones or tiers, or smaller subnets.',
    );
  });

  it('says when the free room is there but not in aligned blocks', () => {
    assert.equal(
      reason(planSubnets({ vpc: '10.0.0.0/24', azs: ['us-west-2a'], tiers: ['private'], prefixes: { private: 25 }, taken: ['10.0.0.64/26', '10.0.0.128/26', '10.0.1.0/24'] })),
      '10.0.0.0/24 has no room for a /25 subnet next to the 2 blocks already taken: the free addresses are not in aligned blocks of the sizes needed. Use a larger VPC block, fewer zones or tiers, or smaller subnets.',
    );
  });

  it('refuses prefixes AWS does not allow or larger than the VPC', () => {
    assert.match(reason(planSubnets({ ...base, prefixes: { public: 29 } })), /\/29 is not a subnet size AWS allows for the public subnets; a subnet is between \/16 and \/28/);
    assert.match(reason(planSubnets({ ...base, prefixes: { private: 15 } })), /\/15 is not a subnet size AWS allows/);
    assert.match(reason(planSubnets({ ...base, prefixes: { private: 19.5 } })), /not a subnet size/);
    assert.equal(reason(planSubnets({ vpc: '10.0.0.0/20', azs: AZS, tiers: ['private'], prefixes: { private: 18 } })), 'A /18 private subnet is larger than the VPC 10.0.0.0/20 itself.');
    // A prefix for a tier not planned is not used, and not checked against the VPC.
    assert.ok(planSubnets({ vpc: '10.0.0.0/20', azs: AZS, tiers: ['private'], prefixes: { public: 17 } }).ok);
  });

  it('refuses VPC blocks that are not IPv4 /16–/28 network addresses', () => {
    assert.match(reason(planSubnets({ ...base, vpc: '2001:db8::/56' })), /IPv6 block; the planner splits IPv4 VPC blocks only/);
    assert.match(reason(planSubnets({ ...base, vpc: '10.0.0.0/15' })), /10\.0\.0\.0\/15 is a \/15; an AWS VPC block is between \/16 and \/28/);
    assert.match(reason(planSubnets({ ...base, vpc: '10.0.0.0/29' })), /is a \/29/);
    assert.equal(reason(planSubnets({ ...base, vpc: '10.0.1.0/16' })), '10.0.1.0/16 has host bits set; the block it names is 10.0.0.0/16.');
    assert.match(reason(planSubnets({ ...base, vpc: '10.0.0.0' })), /not a valid CIDR: "10\.0\.0\.0" has no prefix length/);
  });

  it('refuses zone and tier lists that are empty, too long or repeat', () => {
    assert.equal(reason(planSubnets({ ...base, azs: ['us-west-2a', 'us-west-2b', 'us-west-2a'] })), 'Availability Zone us-west-2a is listed twice; each zone gets one subnet per tier.');
    assert.match(reason(planSubnets({ ...base, azs: [] })), /No Availability Zone was given/);
    assert.match(reason(planSubnets({ ...base, azs: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((l) => `us-east-1${l}`) })), /7 Availability Zones were given; the planner lays out at most 6/);
    assert.match(reason(planSubnets({ ...base, azs: ['us west 2a'] })), /"us west 2a" is not an Availability Zone name/);
    assert.match(reason(planSubnets({ ...base, tiers: [] })), /No tier was given/);
    assert.equal(reason(planSubnets({ ...base, tiers: ['public', 'public'] })), 'Tier public is listed twice.');
    assert.match(reason(planSubnets({ ...base, tiers: ['dmz' as never] })), /"dmz" is not a tier/);
    assert.match(reason(planSubnets({ ...base, taken: ['10.0.0.0/33'] })), /taken block "10\.0\.0\.0\/33" is not a valid CIDR/);
  });
});
