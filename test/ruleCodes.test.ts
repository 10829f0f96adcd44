// Rule codes are a public contract: users write them in settings, project files, suppression
// comments and CI baselines. This list holds every code eks-lens has shipped; a code may be added
// to the rule set, never renamed, dropped or reused for another check. Add a new rule's code here
// once it is released.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from '../server/src/rules/index';

const SHIPPED = [
  'cfn-igw-not-attached',
  'cfn-nat-in-private-subnet',
  'cfn-public-subnet-no-route',
  'cfn-route-target-missing',
  'cfn-sg-open-admin-port',
  'cidr-host-bits',
  'cidr-syntax',
  'eks-private-nodes-no-nat',
  'eks-public-endpoint-open',
  'eks-service-cidr-overlap',
  'eks-service-cidr-range',
  'eks-single-nat',
  'ip-syntax',
  'k8s-deprecated-api',
  'k8s-ipblock-except-outside',
  'k8s-pdb-blocks-eviction',
  'k8s-pdb-both-set',
  'k8s-removed-api',
  'k8s-service-ip-outside-cidr',
  'not-checked',
  'subnet-az-count',
  'subnet-az-region',
  'subnet-az-unsupported',
  'subnet-capacity',
  'subnet-outside-vpc',
  'subnet-overlap',
  'subnet-prefix',
  'too-many-findings',
  'vpc-cidr-172-range',
  'vpc-cidr-docker-conflict',
  'vpc-cidr-overlap-reserved',
  'vpc-cidr-overlap',
  'vpc-cidr-prefix',
  'vpc-cidr-public',
  'vpc-cidr-reserved',
  'vpc-secondary-cidr-overlap',
  'vpc-secondary-cidr-restricted',
  'yaml-duplicate-key',
  'yaml-syntax',
  'yaml-under-indented',
];

describe('rule codes', () => {
  const codes = allRules.map((r) => r.meta.code);

  it('keeps every code it has shipped', () => {
    assert.deepEqual(
      SHIPPED.filter((code) => !codes.includes(code)),
      [],
    );
  });

  it('gives each rule its own code, in lower-case words joined by hyphens', () => {
    assert.equal(new Set(codes).size, codes.length, 'no code is used twice');
    for (const code of codes) assert.match(code, /^[a-z0-9]+(-[a-z0-9]+)+$/, code);
  });
});
