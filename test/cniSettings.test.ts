// How pods get addresses, read from real public files (test/realworld and the shared corpus): each
// case names a file and what must be read from it. Nothing reports on these settings yet; this holds
// the readers to real-world spellings (quoted JSON in eksctl, JSON-style YAML from jsonnet, Helm
// output, Karpenter examples with shell variables).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildFileModel, factsOf, networkOf } from '../server/src/formats';
import { CNI_SETTING_NAMES, cniDefault, type CniSettings, type Setting } from '../server/src/network/cni';

const realworld = path.resolve('test', 'realworld');
const corpus = path.resolve('..', 'shared', 'corpus');

function model(file: string) {
  return buildFileModel({ uri: `file://${file}`, text: readFileSync(file, 'utf8') });
}

/** `NAME=value` for each known setting, `NAME?` for each unknown one (absent ones are left out). */
function written(cni: CniSettings<unknown>): string[] {
  return Object.entries(cni).flatMap(([name, s]: [string, Setting<unknown, unknown>]) => (s.state === 'known' ? [`${name}=${String(s.value)}`] : s.state === 'unknown' ? [`${name}?`] : []));
}

describe('CNI settings in real files', () => {
  const cases: Array<{ root: string; file: string; expect: (file: string) => void }> = [
    {
      root: realworld,
      file: 'aws-samples__eks-workshop-v2/cluster/eksctl/cluster.yaml',
      expect(file) {
        const [pods] = networkOf(model(file).documents[0]).podNetworking!;
        assert.equal(pods.cluster, '${EKS_CLUSTER_NAME}');
        assert.equal(pods.addonDeclared, true);
        assert.deepEqual(written(pods.cni), ['ENABLE_PREFIX_DELEGATION=true', 'ENABLE_POD_ENI=true']);
        assert.deepEqual(pods.autoMode, { state: 'absent', value: false });
      },
    },
    {
      root: realworld,
      file: 'aws-samples__eks-workshop-v2/cluster/eksctl/cluster-auto.yaml',
      expect(file) {
        const [pods] = networkOf(model(file).documents[0]).podNetworking!;
        assert.equal(pods.addonDeclared, false);
        assert.equal(pods.autoMode.state === 'known' && pods.autoMode.value, true);
        assert.deepEqual(written(pods.cni), []);
      },
    },
    {
      root: realworld,
      file: 'eksctl-io__eksctl@0.80.0/examples/30-vpc-with-ip-family.yaml',
      expect(file) {
        const [pods] = networkOf(model(file).documents[0]).podNetworking!;
        assert.equal(pods.ipFamily, 'IPv6');
        assert.equal(pods.addonDeclared, true);
      },
    },
    {
      root: realworld,
      file: 'aws-samples__awsome-distributed-training/1.architectures/7.sagemaker-hyperpod-eks/cfn-templates/nested-stacks/eks-cluster-stack.yaml',
      expect(file) {
        const pods = networkOf(model(file).documents[0]).podNetworking!;
        // One cluster, with its vpc-cni add-on (no ConfigurationValues: the add-on's defaults).
        assert.deepEqual(
          pods.map((p) => [p.cluster, p.addonDeclared, written(p.cni), p.autoMode.state]),
          [['EKSCluster', true, [], 'absent']],
        );
      },
    },
    {
      root: realworld,
      file: 'eksctl-io__eksctl/pkg/addons/default/assets/aws-node.yaml',
      expect(file) {
        const facts = factsOf(model(file)).cniSettings!;
        assert.equal(facts.length, 1);
        assert.deepEqual(written(facts[0].cni), [
          'ENABLE_PREFIX_DELEGATION=false',
          'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=false',
          'ENABLE_POD_ENI=false',
          'WARM_ENI_TARGET=1',
          'WARM_PREFIX_TARGET=1',
          'ENABLE_IPv6=false',
          'ENABLE_SUBNET_DISCOVERY=true',
        ]);
      },
    },
    {
      // JSON-style YAML (every key quoted) from the aws-do-eks project's HPC CNI manifest.
      root: realworld,
      file: 'aws-samples__aws-do-eks/Container-Root/eks/deployment/aws-vpc-cni/custom-cni.yaml',
      expect(file) {
        const facts = factsOf(model(file)).cniSettings!;
        assert.equal(facts.length, 1);
        assert.deepEqual(written(facts[0].cni), ['AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=false', 'ENABLE_POD_ENI=false', 'WARM_ENI_TARGET=1']);
        // WARM_PREFIX_TARGET is not listed, so ipamd's own default (0) applies, not the manifest's 1.
        assert.deepEqual(facts[0].cni.WARM_PREFIX_TARGET, { state: 'absent', value: 0 });
      },
    },
    {
      root: corpus,
      file: 'k8s/amazon-vpc-cni-k8s/config/master/aws-k8s-cni.yaml',
      expect(file) {
        const facts = factsOf(model(file)).cniSettings!;
        assert.equal(facts.length, 1);
        const cni = facts[0].cni;
        assert.deepEqual(
          [cni.ENABLE_PREFIX_DELEGATION, cni.WARM_PREFIX_TARGET, cni.WARM_ENI_TARGET].map((s) => s.state === 'known' && s.value),
          [false, 1, 1],
        );
      },
    },
    {
      root: corpus,
      file: 'eksctl/integration/tests/crud/testdata/taints-max-pods.yaml',
      expect(file) {
        const groups = networkOf(model(file).documents[0]).cluster!.nodeGroups;
        assert.deepEqual(
          groups.filter((g) => g.maxPodsPerNode !== undefined).map((g) => [g.name, g.maxPodsPerNode]),
          [
            ['ng-taints-1', 123],
            ['mng-max-pods-1', 123],
          ],
        );
      },
    },
    {
      root: corpus,
      file: 'eksctl/examples/42-auto-mode.yaml',
      expect(file) {
        const [pods] = networkOf(model(file).documents[0]).podNetworking!;
        assert.equal(pods.autoMode.state === 'known' && pods.autoMode.value, true);
      },
    },
    {
      // Karpenter's own example: no kubelet block, so Karpenter decides max pods; the discovery tag is a shell variable.
      root: corpus,
      file: 'k8s/karpenter-provider-aws/examples/v1/general-purpose.yaml',
      expect(file) {
        const classes = factsOf(model(file)).nodeClasses!;
        assert.deepEqual(
          classes.map((c) => [c.kind, c.name, c.maxPods, c.subnetSelectorTerms]),
          [['EC2NodeClass', 'default', { state: 'absent', value: undefined }, [{ tags: { 'karpenter.sh/discovery': null } }]]],
        );
      },
    },
  ];
  for (const c of cases) {
    const file = path.join(c.root, c.file);
    it(c.file, { skip: existsSync(file) ? false : `skipped: ${file} is not present` }, () => c.expect(file));
  }
});

describe('docs/cni-settings.md', () => {
  it('lists every setting the model reads, with the same unset and shipped defaults', () => {
    const doc = readFileSync('docs/cni-settings.md', 'utf8');
    const rows = new Map<string, string[]>();
    for (const line of doc.split('\n')) {
      const cells = line.split('|').map((c) => c.trim());
      const name = /^`([A-Z_a-z0-9]+)`$/.exec(cells[1] ?? '')?.[1];
      if (name && cells.length >= 6) rows.set(name, cells.slice(2, 5));
    }
    const shown = (v: unknown) => (v === undefined ? 'not set' : String(v));
    assert.deepEqual([...rows.keys()], CNI_SETTING_NAMES);
    for (const name of CNI_SETTING_NAMES) assert.deepEqual(rows.get(name)!.slice(1), [shown(cniDefault(name, 'unset')), shown(cniDefault(name, 'shipped'))], name);
  });
});
