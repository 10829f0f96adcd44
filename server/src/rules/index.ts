// Every rule eks-lens has, in the order their findings are explained in the docs. The engine
// knows no rule: the CLI, the server and the tests pass this list to it (engine/run.ts's
// options.rules). Adding a rule: write server/src/rules/<code>.ts, its tests beside it,
// docs/rules/<code>.md, and list it here.
import type { Rule } from '../engine/rule';
import cidrHostBits from './cidr-host-bits';
import cidrSyntax from './cidr-syntax';
import ipSyntax from './ip-syntax';
import notChecked from './not-checked';
import tooManyFindings from './too-many-findings';
import yamlSyntax from './yaml-syntax';
import yamlUnderIndented from './yaml-under-indented';
import yamlDuplicateKey from './yaml-duplicate-key';
import vpcCidrPrefix from './vpc-cidr-prefix';
import vpcCidrReserved from './vpc-cidr-reserved';
import vpcCidrPublic from './vpc-cidr-public';
import vpcCidrDockerConflict from './vpc-cidr-docker-conflict';
import vpcCidr172Range from './vpc-cidr-172-range';
import vpcSecondaryCidrOverlap from './vpc-secondary-cidr-overlap';
import vpcSecondaryCidrRestricted from './vpc-secondary-cidr-restricted';
import vpcCidrOverlapReserved from './vpc-cidr-overlap-reserved';
import vpcCidrOverlap from './vpc-cidr-overlap';
import subnetOutsideVpc from './subnet-outside-vpc';
import subnetOverlap from './subnet-overlap';
import subnetPrefix from './subnet-prefix';
import subnetAzCount from './subnet-az-count';
import subnetAzRegion from './subnet-az-region';
import subnetAzUnsupported from './subnet-az-unsupported';
import subnetCapacity from './subnet-capacity';
import maxPodsExceedsCni from './max-pods-exceeds-cni';
import eksServiceCidrRange from './eks-service-cidr-range';
import eksServiceCidrOverlap from './eks-service-cidr-overlap';
import eksPrivateNodesNoNat from './eks-private-nodes-no-nat';
import eksPublicEndpointOpen from './eks-public-endpoint-open';
import eksSingleNat from './eks-single-nat';
import cniEniconfigMissing from './cni-eniconfig-missing';
import cniEniconfigSubnet from './cni-eniconfig-subnet';
import cniCustomNetworkingIpv6 from './cni-custom-networking-ipv6';
import k8sIpblockExceptOutside from './k8s-ipblock-except-outside';
import k8sRemovedApi from './k8s-removed-api';
import k8sDeprecatedApi from './k8s-deprecated-api';
import k8sPdbBothSet from './k8s-pdb-both-set';
import k8sPdbBlocksEviction from './k8s-pdb-blocks-eviction';
import k8sServiceIpOutsideCidr from './k8s-service-ip-outside-cidr';
import cfnIgwNotAttached from './cfn-igw-not-attached';
import cfnPublicSubnetNoRoute from './cfn-public-subnet-no-route';
import cfnNatInPrivateSubnet from './cfn-nat-in-private-subnet';
import cfnRouteTargetMissing from './cfn-route-target-missing';
import cfnSgOpenAdminPort from './cfn-sg-open-admin-port';

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
  maxPodsExceedsCni,
  eksServiceCidrRange,
  eksServiceCidrOverlap,
  eksPrivateNodesNoNat,
  eksPublicEndpointOpen,
  eksSingleNat,
  // VPC CNI custom networking (eksctl, CloudFormation, ENIConfig manifests)
  cniEniconfigMissing,
  cniEniconfigSubnet,
  cniCustomNetworkingIpv6,
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
