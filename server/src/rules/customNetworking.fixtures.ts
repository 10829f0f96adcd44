// Files shared by the custom networking rules' tables: an eksctl ClusterConfig that turns custom
// networking on, and ENIConfig manifests.
import { yaml } from '../../../test/support/ruleTester';

export interface ClusterOptions {
  /** The vpc-cni add-on's env, as JSON members. */
  env?: string;
  ipFamily?: 'IPv4' | 'IPv6';
  vpcId?: string;
  /** Extra private subnets (already indented under `private:`). */
  subnets?: string[];
  nodeGroup?: string[];
  name?: string;
}

export const CUSTOM_BY_ZONE = '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true","ENI_CONFIG_LABEL_DEF":"topology.kubernetes.io/zone"';

/** A ClusterConfig in us-west-2 (VPC 10.0.0.0/16) with node subnets in 2a and 2b (lines 11, 12) and
 *  pod subnets in 100.64.0.0/16 (lines 13, 14); without ipFamily and extra subnets the add-on's
 *  configuration is on line 17 and the node group's name on line 19. */
export function cluster(o: ClusterOptions = {}): string {
  return yaml(
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata:',
    `  name: ${o.name ?? 'prod'}`,
    '  region: us-west-2',
    'vpc:',
    `  id: ${o.vpcId ?? 'vpc-0aaa1111bbbb2222c'}`,
    '  cidr: 10.0.0.0/16',
    '  subnets:',
    '    private:',
    '      us-west-2a: {id: subnet-0a000000000000001, cidr: 10.0.0.0/19}',
    '      us-west-2b: {id: subnet-0b000000000000001, cidr: 10.0.32.0/19}',
    ...(o.subnets ?? ['      pods-a: {id: subnet-0a000000000000002, az: us-west-2a, cidr: 100.64.0.0/19}', '      pods-b: {id: subnet-0b000000000000002, az: us-west-2b, cidr: 100.64.32.0/19}']),
    ...(o.ipFamily ? ['kubernetesNetworkConfig:', `  ipFamily: ${o.ipFamily}`] : []),
    'addons:',
    '  - name: vpc-cni',
    `    configurationValues: '{"env":{${o.env ?? CUSTOM_BY_ZONE}}}'`,
    'managedNodeGroups:',
    ...(o.nodeGroup ?? ['  - name: ng', '    privateNetworking: true']),
  );
}

/** An ENIConfig; `spec.subnet` is on line 5. */
export function eniConfig(name: string, subnet: string): string {
  return yaml('apiVersion: crd.k8s.amazonaws.com/v1alpha1', 'kind: ENIConfig', `metadata: {name: ${name}}`, 'spec:', `  subnet: ${subnet}`, '  securityGroups: [sg-0123456789abcdef0]');
}

export const BOTH_ZONES = eniConfig('us-west-2a', 'subnet-0a000000000000002') + '---\n' + eniConfig('us-west-2b', 'subnet-0b000000000000002');
