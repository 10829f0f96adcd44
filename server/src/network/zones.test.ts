import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EKS_UNSUPPORTED_ZONE_IDS, isAwsRegion, isConcreteZone, isKnownZone, isZoneId, regionNamedBy, symbolicZone, zoneInRegion } from './zones';

describe('isAwsRegion', () => {
  it('knows the regions of every partition', () => {
    for (const region of [
      'us-east-1',
      'eu-west-3',
      'ap-southeast-7',
      'mx-central-1',
      'ca-west-1',
      'cn-north-1',
      'cn-northwest-1',
      'us-gov-west-1',
      'us-gov-east-1',
      'us-iso-east-1',
      'us-isob-east-1',
      'eu-isoe-west-1',
      'us-isof-south-1',
      'eusc-de-east-1',
    ]) {
      assert.equal(isAwsRegion(region), true, region);
    }
  });
  it('refuses placeholders, pseudo-regions and made-up names', () => {
    for (const text of [
      'PLACEHOLDER_AWS_REGION',
      '$AWS_REGION',
      '${AWS_REGION}',
      '<region>',
      '{{ .Region }}',
      'REGION',
      'us-east-X',
      'us-west-9',
      'aws-global',
      'US-EAST-1',
      'us-east-1a',
      '',
      undefined,
    ]) {
      assert.equal(isAwsRegion(text), false, String(text));
    }
  });
});

describe('zoneInRegion', () => {
  it('takes a letter after the region, or a Local or Wavelength Zone suffix', () => {
    assert.equal(zoneInRegion('us-west-2a', 'us-west-2'), true);
    assert.equal(zoneInRegion('us-gov-west-1b', 'us-gov-west-1'), true);
    assert.equal(zoneInRegion('us-west-2-lax-1a', 'us-west-2'), true);
    assert.equal(zoneInRegion('us-west-2a', 'us-west-1'), false);
    assert.equal(zoneInRegion('us-west-2ab', 'us-west-2'), false);
  });
});

describe('zone shapes', () => {
  it('a placeholder is not a concrete zone', () => {
    for (const zone of ['us-east-1a', 'use1-az3', 'us-west-2-lax-1a', 'cn-north-1a']) assert.equal(isConcreteZone(zone), true, zone);
    for (const zone of ['${AWS_REGION}a', '$AZ', '<region>a', '{{ .Region }}a', 'REGIONa', 'us-east-Xa', 'us-east-1a ', '-a', 'a--b', '%AZ%']) assert.equal(isConcreteZone(zone), false, zone);
  });
  it("a template's symbolic zone is known, a placeholder is not", () => {
    assert.equal(isKnownZone(symbolicZone(0)), true);
    assert.equal(isKnownZone('us-east-1a'), true);
    assert.equal(isKnownZone('${AZ_1}'), false);
    assert.equal(isKnownZone('<az>'), false);
  });
  it('zone IDs and the region a name starts with', () => {
    assert.equal(isZoneId('use1-az3'), true);
    assert.equal(isZoneId('usw2-lax1-az1'), true);
    assert.equal(isZoneId('us-east-1a'), false);
    assert.equal(regionNamedBy('us-west-2-lax-1a'), 'us-west-2');
    assert.equal(regionNamedBy('us-isob-east-1a'), 'us-isob-east-1');
    assert.equal(regionNamedBy('us-gov-west-1a'), 'us-gov-west-1');
    assert.equal(regionNamedBy('regiona'), undefined);
  });
  it('the zone IDs EKS refuses for cluster subnets are IDs of their regions', () => {
    assert.deepEqual([...EKS_UNSUPPORTED_ZONE_IDS.keys()], ['use1-az3', 'usw1-az2', 'cac1-az3']);
    for (const [id, region] of EKS_UNSUPPORTED_ZONE_IDS) {
      assert.equal(isZoneId(id), true);
      assert.equal(isAwsRegion(region), true);
    }
  });
});
