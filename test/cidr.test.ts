import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contains, overlaps, parseCidr, parseIp, sizeOf } from '../server/src/net/cidr';

const cidr = (text: string) => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('address maths', () => {
  it('parses IPv4 and IPv6 blocks to integer ranges', () => {
    const v4 = cidr('10.1.0.0/16');
    assert.equal(v4.family, 4);
    assert.equal(sizeOf(v4), 65536n);
    assert.equal(v4.network, '10.1.0.0/16');
    assert.equal(v4.hostBitsSet, false);
    const v6 = cidr('2001:db8::/32');
    assert.equal(v6.family, 6);
    assert.equal(sizeOf(v6), 2n ** 96n);
  });

  it('names the network of a block with host bits set', () => {
    assert.equal(cidr('10.1.2.0/16').network, '10.1.0.0/16');
    assert.equal(cidr('10.1.2.0/16').hostBitsSet, true);
    assert.equal(cidr('2001:db8::1/64').network, '2001:db8::/64');
  });

  it('explains what is wrong', () => {
    const reason = (t: string) => {
      const r = parseCidr(t);
      return r.ok ? 'ok' : r.reason;
    };
    assert.match(reason('10.0.0.256/16'), /octet 256/);
    assert.match(reason('10.0.0.0/33'), /larger than \/32/);
    assert.match(reason('2001:db8::/129'), /larger than \/128/);
    assert.match(reason('10.0.0.0'), /no prefix length/);
    assert.match(reason('10.0.0/8'), /four numbers/);
    assert.match(reason('010.0.0.0/8'), /leading zero/);
    assert.match(reason(' 10.0.0.0/8'), /spaces/);
    assert.match(reason('fe80::1%eth0/64'), /zone/);
    assert.match(reason('10.0.0.0/x'), /not a number/);
    assert.match(reason(''), /empty/);
  });

  it('compares blocks and addresses', () => {
    assert.equal(contains(cidr('10.0.0.0/16'), cidr('10.0.4.0/22')), true);
    assert.equal(contains(cidr('10.0.0.0/16'), cidr('10.1.0.0/22')), false);
    assert.equal(overlaps(cidr('10.0.0.0/16'), cidr('10.0.255.0/24')), true);
    assert.equal(overlaps(cidr('10.0.0.0/16'), cidr('10.1.0.0/16')), false);
    assert.equal(overlaps(cidr('10.0.0.0/8'), cidr('::/0')), false);
    const ip = parseIp('10.0.3.4');
    assert.ok(ip.ok);
    if (ip.ok) assert.equal(contains(cidr('10.0.0.0/16'), ip.value), true);
    assert.equal(parseIp('10.0.0.0/8').ok, false);
  });

  it('keeps an IPv6 address that embeds an IPv4 one in the IPv6 space', () => {
    // ip-cidr 4 turned these into IPv4 values under family 6: 64:ff9b::192.0.2.33/96 became one
    // address (192.0.2.33) instead of the NAT64 /96, and ::ffff:1.2.3.4/120 did not parse at all.
    const nat64 = cidr('64:ff9b::192.0.2.33/96');
    assert.equal(nat64.network, '64:ff9b::/96');
    assert.equal(nat64.hostBitsSet, true);
    assert.equal(sizeOf(nat64), 2n ** 32n);
    assert.equal(overlaps(nat64, cidr('192.0.2.0/24')), false);
    const mapped = cidr('::ffff:1.2.3.4/120');
    assert.equal(mapped.network, '::ffff:102:300/120');
    assert.equal(mapped.first, 0xffff_0102_0300n);
    const ip = parseIp('::ffff:10.0.0.1');
    assert.ok(ip.ok && ip.value.family === 6 && ip.value.value === 0xffff_0a00_0001n);
    assert.equal(contains(cidr('10.0.0.0/8'), ip.ok ? ip.value : cidr('::/0')), false);
  });
});
