// Every rule eks-lens has, in the order their findings are explained in the docs.
// Adding a rule: write server/src/rules/<code>.ts, its tests beside it, docs/rules/<code>.md,
// and list it here.
import type { Rule } from './rule';
import cidrHostBits from '../rules/cidr-host-bits';
import cidrSyntax from '../rules/cidr-syntax';
import ipSyntax from '../rules/ip-syntax';
import notChecked from '../rules/not-checked';
import tooManyFindings from '../rules/too-many-findings';
import yamlSyntax from '../rules/yaml-syntax';
import yamlUnderIndented from '../rules/yaml-under-indented';
import yamlDuplicateKey from '../rules/yaml-duplicate-key';
import vpcCidrPrefix from '../rules/vpc-cidr-prefix';
import vpcCidrReserved from '../rules/vpc-cidr-reserved';
import vpcCidrPublic from '../rules/vpc-cidr-public';
import vpcCidrDockerConflict from '../rules/vpc-cidr-docker-conflict';
import vpcCidr172Range from '../rules/vpc-cidr-172-range';
import vpcSecondaryCidrOverlap from '../rules/vpc-secondary-cidr-overlap';
import vpcSecondaryCidrRestricted from '../rules/vpc-secondary-cidr-restricted';
import vpcCidrOverlapReserved from '../rules/vpc-cidr-overlap-reserved';
import vpcCidrOverlap from '../rules/vpc-cidr-overlap';
import subnetOutsideVpc from '../rules/subnet-outside-vpc';
import subnetOverlap from '../rules/subnet-overlap';
import subnetPrefix from '../rules/subnet-prefix';
import subnetAzCount from '../rules/subnet-az-count';
import subnetAzRegion from '../rules/subnet-az-region';
import subnetAzUnsupported from '../rules/subnet-az-unsupported';
import subnetCapacity from '../rules/subnet-capacity';
import eksServiceCidrRange from '../rules/eks-service-cidr-range';
import eksServiceCidrOverlap from '../rules/eks-service-cidr-overlap';
import eksPrivateNodesNoNat from '../rules/eks-private-nodes-no-nat';
import eksPublicEndpointOpen from '../rules/eks-public-endpoint-open';
import eksSingleNat from '../rules/eks-single-nat';
import k8sIpblockExceptOutside from '../rules/k8s-ipblock-except-outside';
import k8sRemovedApi from '../rules/k8s-removed-api';
import k8sDeprecatedApi from '../rules/k8s-deprecated-api';
import k8sPdbBothSet from '../rules/k8s-pdb-both-set';
import k8sPdbBlocksEviction from '../rules/k8s-pdb-blocks-eviction';
import k8sServiceIpOutsideCidr from '../rules/k8s-service-ip-outside-cidr';
import cfnIgwNotAttached from '../rules/cfn-igw-not-attached';
import cfnPublicSubnetNoRoute from '../rules/cfn-public-subnet-no-route';
import cfnNatInPrivateSubnet from '../rules/cfn-nat-in-private-subnet';
import cfnRouteTargetMissing from '../rules/cfn-route-target-missing';
import cfnSgOpenAdminPort from '../rules/cfn-sg-open-admin-port';

export const allRules: readonly Rule[] = [
  // Syntax and addresses
  yamlSyntax,
  yamlUnderIndented,
  yamlDuplicateKey,
  notChecked,
  tooManyFindings,
  cidrSyntax,
  cidrHostBits,
  ipSyntax,
  // VPC, subnets and cluster network (eksctl, CloudFormation)
  vpcCidrPrefix,
  vpcCidrReserved,
  vpcCidrPublic,
  vpcCidrDockerConflict,
  vpcCidr172Range,
  vpcSecondaryCidrRestricted,
  vpcSecondaryCidrOverlap,
  vpcCidrOverlapReserved,
  vpcCidrOverlap,
  subnetOutsideVpc,
  subnetOverlap,
  subnetPrefix,
  subnetAzCount,
  subnetAzRegion,
  subnetAzUnsupported,
  subnetCapacity,
  eksServiceCidrRange,
  eksServiceCidrOverlap,
  eksPrivateNodesNoNat,
  eksPublicEndpointOpen,
  eksSingleNat,
  // Kubernetes manifests
  k8sIpblockExceptOutside,
  k8sRemovedApi,
  k8sDeprecatedApi,
  k8sPdbBothSet,
  k8sPdbBlocksEviction,
  k8sServiceIpOutsideCidr,
  // CloudFormation wiring
  cfnIgwNotAttached,
  cfnPublicSubnetNoRoute,
  cfnNatInPrivateSubnet,
  cfnRouteTargetMissing,
  cfnSgOpenAdminPort,
];

export function ruleByCode(code: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.code === code);
}
