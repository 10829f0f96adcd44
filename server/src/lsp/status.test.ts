import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../engine/run';
import { statusOf } from './status';
import { buildFileModel } from '../formats';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const finding = (severity: Finding['severity']): Finding => ({ code: 'x', severity, message: 'm', range: RANGE });

const CLUSTER = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\n';
const TEMPLATE = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n';

describe('status of a checked document', () => {
  it('names an eksctl ClusterConfig and counts findings by severity', () => {
    const model = buildFileModel({ uri: 'file:///w/c.yaml', text: CLUSTER, version: 7 });
    const status = statusOf(model, [finding('error'), finding('error'), finding('warning'), finding('information'), finding('hint')]);
    assert.deepEqual(status, {
      uri: 'file:///w/c.yaml',
      version: 7,
      kind: 'eksctl ClusterConfig',
      label: 'ClusterConfig',
      documents: 1,
      alsoContains: [],
      errors: 2,
      warnings: 1,
      infos: 1,
      hints: 1,
    });
  });

  it('names CloudFormation templates, YAML or JSON', () => {
    assert.equal(statusOf(buildFileModel({ uri: 'file:///w/t.yaml', text: TEMPLATE }), []).kind, 'CloudFormation template');
    const json = buildFileModel({ uri: 'file:///w/t.json', text: '{"Resources": {"V": {"Type": "AWS::EC2::VPC"}}}', languageId: 'json' });
    assert.equal(statusOf(json, []).label, 'CloudFormation');
  });

  it('counts the Kubernetes objects of a stream, and names the eksctl config first in a mixed stream', () => {
    const k8s = statusOf(buildFileModel({ uri: 'file:///w/k.yaml', text: `${DEPLOYMENT}---\n${DEPLOYMENT}---\nfoo: bar\n` }), []);
    assert.equal(k8s.kind, 'Kubernetes manifest');
    assert.equal(k8s.documents, 2, 'the plain mapping is not counted');
    const mixed = statusOf(buildFileModel({ uri: 'file:///w/m.yaml', text: `${DEPLOYMENT}---\n${CLUSTER}` }), []);
    assert.equal(mixed.kind, 'eksctl ClusterConfig');
    assert.deepEqual(mixed.alsoContains, ['Kubernetes manifest']);
  });

  it('has no kind for a file eks-lens leaves alone', () => {
    const status = statusOf(buildFileModel({ uri: 'file:///w/ci.yaml', text: 'on: push\njobs: {}\n' }), []);
    assert.equal(status.kind, undefined);
    assert.equal(status.label, undefined);
    assert.equal(status.errors, 0);
  });

  it('still reports a file with findings that it did not recognise (too large to check)', () => {
    const model = buildFileModel({ uri: 'file:///w/big.yaml', text: `${CLUSTER}# ${'x'.repeat(200)}\n`, maxBytes: 100 });
    assert.ok(model.notParsed, 'the fixture is over the size limit');
    const status = statusOf(model, [finding('warning')]);
    assert.equal(status.kind, 'Not checked');
    assert.equal(status.warnings, 1);
  });
});
