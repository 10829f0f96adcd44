import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'yaml';
import { getIn } from '../../model/nav';
import { evaluatorOf, type Value } from './intrinsics';
import { buildFileModel } from '..';

/** Evaluates Resources.R.Properties.V of a template built around `value` (YAML, or JSON when it starts with `{`). */
function evaluate(value: string, extra = '', uri = 't.yaml'): Value {
  const text = uri.endsWith('.json')
    ? `{${extra}"Resources": {"R": {"Type": "AWS::EC2::Subnet", "Properties": {"V": ${value}}}}}`
    : `${extra}Resources:\n  R:\n    Type: AWS::EC2::Subnet\n    Properties:\n      V: ${value}\n`;
  const doc = buildFileModel({ uri, text }).documents[0];
  return evaluatorOf(doc).evaluate(getIn(doc.root, ['Resources', 'R', 'Properties', 'V'], doc.anchors));
}

const text = (v: Value): string => (v.kind === 'string' ? v.value : v.kind === 'list' ? v.items.map(text).join(' ') : '?');

const PARAMS =
  'Parameters:\n  VpcCidr: {Type: String, Default: 10.20.0.0/16}\n  Octet: {Type: Number, Default: 30}\n  Zones: {Type: CommaDelimitedList, Default: "a, b"}\n  NoDefault: {Type: String}\n';

describe('CloudFormation intrinsics', () => {
  it('takes a parameter default through Ref, and remembers where it came from', () => {
    const v = evaluate('!Ref VpcCidr', PARAMS);
    assert.equal(text(v), '10.20.0.0/16');
    assert.equal(v.kind === 'string' && (v.from[0] as Node & { range: number[] }).range.length, 3);
    assert.equal(text(evaluate('!Ref NoDefault', PARAMS)), '?');
    assert.equal(text(evaluate('!Ref AWS::Region', PARAMS)), '?');
    assert.equal(text(evaluate('!Select [1, !Ref Zones]', PARAMS)), 'b');
  });

  it('reads the JSON long form like the short tags', () => {
    const params = '"Parameters": {"VpcCidr": {"Type": "String", "Default": "10.20.0.0/16"}}, ';
    assert.equal(text(evaluate('{"Ref": "VpcCidr"}', params, 't.json')), '10.20.0.0/16');
    assert.equal(text(evaluate('{"Fn::Select": [2, {"Fn::Cidr": [{"Ref": "VpcCidr"}, 4, 12]}]}', params, 't.json')), '10.20.32.0/20');
  });

  it('splits blocks with Fn::Cidr exactly as AWS does (count blocks of 2^cidrBits addresses from the start)', () => {
    // The AWS reference's own example: !Cidr ["192.168.0.0/24", 6, 5] gives six /27s.
    assert.equal(text(evaluate('!Cidr ["192.168.0.0/24", 6, 5]')), '192.168.0.0/27 192.168.0.32/27 192.168.0.64/27 192.168.0.96/27 192.168.0.128/27 192.168.0.160/27');
    assert.equal(text(evaluate('!Select [3, !Cidr [!Ref VpcCidr, 8, 8]]', PARAMS)), '10.20.3.0/24');
    assert.equal(text(evaluate('!Select [0, !Cidr ["2001:db8::/56", 2, 64]]')), '2001:db8::/64');
    // More blocks than fit, or blocks larger than ipBlock: the function fails, so unknown.
    assert.equal(text(evaluate('!Cidr ["10.0.0.0/24", 2, 8]')), '?');
    assert.equal(text(evaluate('!Cidr ["10.0.0.0/24", 1, 9]')), '?');
    assert.equal(text(evaluate('!Select [9, !Cidr ["10.0.0.0/24", 2, 4]]')), '?');
  });

  it("reads a VPC's CidrBlock through GetAtt, in both spellings", () => {
    const vpc = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.9.0.0/16}\n';
    const t = (value: string) => {
      const doc = buildFileModel({ uri: 't.yaml', text: `${vpc}  S:\n    Type: AWS::EC2::Subnet\n    Properties: {V: ${value}}\n` }).documents[0];
      return text(evaluatorOf(doc).evaluate(getIn(doc.root, ['Resources', 'S', 'Properties', 'V'], doc.anchors)));
    };
    assert.equal(t('!Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 12]]'), '10.9.16.0/20');
    assert.equal(t('!GetAtt [Vpc, CidrBlock]'), '10.9.0.0/16');
    assert.equal(t('!GetAtt Vpc.Ipv6CidrBlocks'), '?');
  });

  it('gives Fn::GetAZs as symbolic zones, distinct by index', () => {
    assert.equal(text(evaluate("!Select [0, !GetAZs '']")), '{az#0}');
    assert.equal(text(evaluate("!Select [2, !GetAZs {Ref: 'AWS::Region'}]")), '{az#2}');
  });

  it('resolves Fn::FindInMap, Fn::Sub and Fn::Join over what resolves', () => {
    const maps = 'Mappings:\n  Net:\n    Prod: {Vpc: 10.1.0.0/16}\n';
    assert.equal(text(evaluate('!FindInMap [Net, Prod, Vpc]', maps)), '10.1.0.0/16');
    assert.equal(text(evaluate('!FindInMap [Net, !Ref Env, Vpc]', maps)), '?');
    assert.equal(text(evaluate("!Sub '10.${Octet}.0.0/16'", PARAMS)), '10.30.0.0/16');
    assert.equal(text(evaluate("!Sub ['10.${X}.0.0/16', {X: 7}]")), '10.7.0.0/16');
    assert.equal(text(evaluate("!Sub '${AWS::Region}a'")), '?');
    assert.equal(text(evaluate("!Join ['.', [10, !Ref Octet, 0, 0/16]]", PARAMS)), '10.30.0.0/16');
  });

  it('knows Fn::If only when both branches agree', () => {
    assert.equal(text(evaluate('!If [IsProd, 10.0.0.0/16, 10.0.0.0/16]')), '10.0.0.0/16');
    assert.equal(text(evaluate('!If [IsProd, 10.0.0.0/16, 10.1.0.0/16]')), '?');
    assert.equal(text(evaluate('{"Fn::If": ["IsProd", "10.0.0.0/16", {"Ref": "AWS::NoValue"}]}', '', 't.json')), '?');
  });

  it('stops on cycles and deep nesting', () => {
    assert.equal(text(evaluate('!Ref Loop', 'Parameters:\n  Loop: {Type: String, Default: !Ref Loop}\n')), '?');
    assert.equal(text(evaluate('!Select [0, '.repeat(40) + '[a]' + ']'.repeat(40))), '?');
  });
});
