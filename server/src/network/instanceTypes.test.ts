import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INSTANCE_NETWORK_LIMITS, defaultMaxPods, instanceNetworkLimits } from './instanceTypes';

// Values from aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt (commit 2aea0fd2453975bea25d13016293dbb9209e13a0).
const ENI_MAX_PODS: ReadonlyArray<readonly [string, number]> = [
  ['t3.nano', 4],
  ['t3.small', 11],
  ['t3.medium', 17],
  ['t3.large', 35],
  ['t3a.small', 8],
  ['t4g.medium', 17],
  ['m5.large', 29],
  ['m5.xlarge', 58],
  ['m5.4xlarge', 234],
  ['m5.24xlarge', 737],
  ['m6g.medium', 8],
  ['m7i.metal-48xl', 737],
  ['c5.9xlarge', 234],
  ['c6i.large', 29],
  ['c7i.large', 29],
  ['r7i.2xlarge', 58],
  ['g4dn.xlarge', 29],
  ['g4dn.16xlarge', 58],
  ['g5.48xlarge', 345],
  ['p3.2xlarge', 58],
];

describe('instance network limits', () => {
  it('gives the ENI and IPv4 counts read from the sources', () => {
    assert.deepEqual(instanceNetworkLimits('m5.large'), { enis: 3, ipv4PerEni: 10 });
    assert.deepEqual(instanceNetworkLimits('t3.medium'), { enis: 3, ipv4PerEni: 6 });
    assert.deepEqual(instanceNetworkLimits('m5.xlarge'), { enis: 4, ipv4PerEni: 15 });
    assert.deepEqual(instanceNetworkLimits('g5.48xlarge'), { enis: 7, ipv4PerEni: 50 });
  });

  it('matches eni-max-pods.txt for known types', () => {
    for (const [type, pods] of ENI_MAX_PODS) assert.equal(defaultMaxPods(type), pods, type);
  });

  it('gives every entry a positive whole number of pods', () => {
    const types = Object.keys(INSTANCE_NETWORK_LIMITS);
    assert.ok(types.length > 200);
    for (const type of types) {
      const { enis, ipv4PerEni } = INSTANCE_NETWORK_LIMITS[type]!;
      assert.ok(Number.isInteger(enis) && enis >= 1, type);
      assert.ok(Number.isInteger(ipv4PerEni) && ipv4PerEni >= 2, type);
      const pods = defaultMaxPods(type);
      assert.ok(pods !== undefined && Number.isInteger(pods) && pods > 0, type);
    }
  });

  it('accepts surrounding space and upper case', () => {
    assert.equal(defaultMaxPods(' M5.Large '), 29);
  });

  it('returns undefined for unknown types', () => {
    assert.equal(defaultMaxPods('m5.huge'), undefined);
    assert.equal(defaultMaxPods('x9z.large'), undefined);
    assert.equal(defaultMaxPods(''), undefined);
    assert.equal(defaultMaxPods('constructor'), undefined);
    assert.equal(defaultMaxPods('__proto__'), undefined);
    assert.equal(instanceNetworkLimits('toString'), undefined);
  });
});
