// Documents that the `yaml` package (YAML 1.2, strict) refuses or reads differently from the
// files' real readers stay checked, read as those readers read them (issue 16, item 1).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeConfig } from '../server/src/engine/config';
import { checkFile } from '../server/src/engine/run';
import { allRules } from '../server/src/rules/index';
import { get, getIn, scalarText } from '../server/src/model/nav';
import { cfn, eksctl } from './support/fixtures';
import { yaml } from './support/ruleTester';
import { buildFileModel } from '../server/src/formats';

function check(text: string, uri = 'file.yaml'): string[] {
  const model = buildFileModel({ uri, text });
  return checkFile(model, { rules: allRules, config: mergeConfig({}), onRuleError: (code, error) => assert.fail(`${code} threw: ${String(error)}`) }).map(
    (f) => `${f.range.start.line + 1} ${f.severity} ${f.code}`,
  );
}

describe('a duplicate key leaves the document checked', () => {
  it('CloudFormation: the duplicate and the overlapping subnet behind it are both found, once each', () => {
    const text = cfn(
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: 10.0.0.0/16',
      '  SubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties: {VpcId: !Ref Vpc, AvailabilityZone: us-east-1a, CidrBlock: 10.0.0.0/24}',
      '  SubnetB:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      AvailabilityZone: us-east-1b',
      '      CidrBlock: 10.0.1.0/24',
      '      CidrBlock: 10.0.0.128/25',
    );
    const findings = check(text);
    assert.deepEqual(
      findings.filter((f) => /yaml-|subnet-overlap/.test(f)),
      ['9 error subnet-overlap', '16 warning yaml-duplicate-key', '16 error subnet-overlap'],
    );
  });

  it('eksctl: the duplicate is an error (eksctl refuses the file) and the rules read the last value', () => {
    const text = eksctl('vpc:', '  cidr: 10.0.0.0/16', '  subnets:', '    private:', '      us-west-2a: {cidr: 10.0.0.0/19}', '      us-west-2b: {cidr: 10.0.32.0/19, cidr: 10.0.16.0/20}');
    assert.deepEqual(
      check(text).filter((f) => /yaml-|subnet-overlap/.test(f)),
      ['8 error subnet-overlap', '9 error yaml-duplicate-key', '9 error subnet-overlap'],
    );
  });

  it('Kubernetes: the duplicate is a warning and the value kubectl keeps is checked', () => {
    const text = yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  clusterIP: 10.100.0.10', '  clusterIP: 10.100.0.300');
    assert.deepEqual(check(text), ['6 warning yaml-duplicate-key', '6 error ip-syntax']);
  });
});

describe('nav reads mappings as the readers do', () => {
  const root = (text: string) => buildFileModel({ uri: 'f.yaml', text }).documents[0];

  it('keeps the last value of a repeated key, in the place of the first', () => {
    const doc = root(yaml('a: 1', 'b: 2', 'a: 3'));
    assert.equal(scalarText(get(doc.root, 'a', doc.anchors)), '3');
    assert.deepEqual(doc.yaml.toJS(), { a: 3, b: 2 }, 'the yaml package reads it the same way');
  });

  it('lets own keys beat merged ones, and repeated keys of a merged mapping keep their last value', () => {
    const doc = root(yaml('base: &b {x: 1, x: 2, y: 1}', 'use:', '  <<: *b', '  y: 5', '  y: 6'));
    assert.equal(scalarText(getIn(doc.root, ['use', 'x'], doc.anchors)), '2');
    assert.equal(scalarText(getIn(doc.root, ['use', 'y'], doc.anchors)), '6');
  });
});

// Each case was read with PyYAML 6.0.3 (yaml.safe_load) and go-yaml (gopkg.in/yaml.v2 2.4.0 and
// sigs.k8s.io/yaml 1.3.0's YAMLToJSON, what kubectl uses); both accept it and give `value`. The
// `yaml` package refuses each. eks-lens must read `value` too, with one warning on `line`.
const LENIENT: Array<{ name: string; text: string; line: number; value: unknown }> = [
  { name: 'double-quoted continuation at the left margin', text: yaml('a:', '  b: "foo', 'bar"', '  c: 1'), line: 3, value: { a: { b: 'foo bar', c: 1 } } },
  { name: 'single-quoted continuation at the left margin', text: yaml('a:', "  b: 'foo", "bar'", '  c: 1'), line: 3, value: { a: { b: 'foo bar', c: 1 } } },
  { name: 'continuation at the key’s own column, in a sequence item', text: yaml('a:', '  - name: x', '    value: "long', '  text"'), line: 4, value: { a: [{ name: 'x', value: 'long text' }] } },
  {
    name: 'a CloudFormation description over three lines',
    text: yaml('Resources:', '  R:', '    Properties:', '      Description: "line one', '      line two', 'line three"'),
    line: 5,
    value: { Resources: { R: { Properties: { Description: 'line one line two line three' } } } },
  },
  // Only the last line is refused: the first continuation line is past the key, though not past the quote.
  { name: 'closing line at the key’s column after a valid continuation line', text: yaml('a:', "  b: '[", '    x', "  ]'"), line: 4, value: { a: { b: '[ x ]' } } },
  { name: 'flow sequence continued at the left margin', text: yaml('a:', '  b: [1,', '2]', '  c: 1'), line: 3, value: { a: { b: [1, 2], c: 1 } } },
  { name: 'flow mapping continued at its key’s column', text: yaml('a:', '  b: {x: 1,', '  z: 2}'), line: 3, value: { a: { b: { x: 1, z: 2 } } } },
];

describe('YAML that PyYAML and go-yaml accept and YAML 1.2 refuses', () => {
  for (const c of LENIENT) {
    it(`reads it as they do: ${c.name}`, () => {
      const [doc] = buildFileModel({ uri: 'f.yaml', text: c.text }).documents;
      assert.deepEqual(doc.syntaxErrors, []);
      assert.deepEqual(doc.yaml.toJS(), c.value);
      assert.equal(doc.lenient.length, 1);
      assert.deepEqual(check(c.text), [`${c.line} warning yaml-under-indented`]);
    });
  }

  it('keeps node positions on the original text', () => {
    const text = yaml('a:', '  b: "foo', 'bar"', '  c: 1');
    const [doc] = buildFileModel({ uri: 'f.yaml', text }).documents;
    const c = get(get(doc.root, 'a'), 'c');
    assert.equal(text.slice(c?.range?.[0], c?.range?.[1]), '1');
    const b = get(get(doc.root, 'a'), 'b');
    assert.equal(text.slice(b?.range?.[0], b?.range?.[1]), '"foo\nbar"');
  });

  it('a quoted continuation line and SSH open to the world: both findings, each once', () => {
    const text = cfn(
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: "Nodes of the cluster,',
      '    reachable from the office"',
      '      SecurityGroupIngress:',
      '        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}',
    );
    assert.deepEqual(check(text), ['7 warning yaml-under-indented', '9 warning cfn-sg-open-admin-port']);
  });

  it('still refuses what PyYAML and go-yaml refuse too: a plain scalar continued at the left margin, a tab as indentation', () => {
    assert.deepEqual(check(yaml('a:', '  b: plain', 'more')), ['3 error yaml-syntax']);
    assert.deepEqual(check('a:\n  b: "x"\n\tc: 1\n'), ['3 error yaml-syntax']);
  });
});
