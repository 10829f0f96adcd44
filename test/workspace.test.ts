// Cross-file checks in the language server: facts declared by files on disk (found by the
// workspace scan) and by other open documents reach the checks of the file being edited.
// First the index on its own (globs, the walk, the indexer: add, change, delete, exclusion,
// cancellation, progress; the settings that choose its files; a cross-file rule fed by it), then
// the whole server over the protocol.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { mergeConfig } from '../server/src/engine/config';
import { checkFile } from '../server/src/engine/run';
import { SettingsStore } from '../server/src/lsp/settings';
import { WorkspaceIndexer, type ScanProgress } from '../server/src/lsp/workspaceIndexer';
import vpcCidrOverlap from '../server/src/rules/vpc-cidr-overlap';
import { globMatcher } from '../server/src/workspace/glob';
import { enabledGlobs, fileFilter, isIncludedFile, walkFolder } from '../server/src/workspace/walk';
import { TestClient } from './support/lspClient';
import { buildFileModel } from '../server/src/formats';

describe('workspace globs', () => {
  const matches = (glob: string, rel: string) => globMatcher(glob).test(rel);

  it('`*` and `?` stay inside a segment, `**` spans segments (none included)', () => {
    assert.ok(matches('*.yaml', 'a.yaml'));
    assert.ok(!matches('*.yaml', 'dir/a.yaml'));
    assert.ok(matches('**/*.yaml', 'a.yaml'));
    assert.ok(matches('**/*.yaml', 'x/y/z/a.yaml'));
    assert.ok(matches('infra/**/*.yml', 'infra/a.yml'));
    assert.ok(matches('infra/**/*.yml', 'infra/eu/prod/a.yml'));
    assert.ok(!matches('infra/**/*.yml', 'apps/infra/a.yml'));
    assert.ok(matches('c?uster.yaml', 'cluster.yaml'));
    assert.ok(!matches('c?uster.yaml', 'c/uster.yaml'));
    assert.ok(matches('**', 'any/thing.json'));
  });

  it('alternatives (nested too), character classes, and regex characters taken literally', () => {
    assert.ok(matches('**/*.{yaml,yml,json}', 'a/b.json'));
    assert.ok(matches('**/*.{yaml,yml,json}', 'b.YML'), 'case is ignored');
    assert.ok(!matches('**/*.{yaml,yml,json}', 'b.txt'));
    assert.ok(matches('{infra,net/{eu,us}}/*.yaml', 'net/us/a.yaml'));
    assert.ok(!matches('{infra,net/{eu,us}}/*.yaml', 'net/ap/a.yaml'));
    assert.ok(matches('env[0-9].yaml', 'env3.yaml'));
    assert.ok(!matches('env[!0-9].yaml', 'env3.yaml'));
    assert.ok(matches('env[!0-9].yaml', 'envx.yaml'));
    assert.ok(matches('a+b (1).yaml', 'a+b (1).yaml'));
    assert.ok(!matches('a.yaml', 'aXyaml'));
  });

  it('a pattern naming a folder matches everything below it, as files.exclude does', () => {
    assert.ok(matches('**/build', 'build/cluster.yaml'));
    assert.ok(matches('**/build', 'apps/web/build/x/cluster.yaml'));
    assert.ok(matches('**/build/**', 'build'));
    assert.ok(matches('vendor/', 'vendor/a.yaml'));
    assert.ok(!matches('**/build', 'rebuild/cluster.yaml'));
  });

  it('files.exclude entries count only when set to true', () => {
    assert.deepEqual(enabledGlobs({ '**/.git': true, '**/off': false, '**/*.js': { when: '$(basename).ts' } }), ['**/.git']);
    assert.deepEqual(enabledGlobs(undefined), []);
    assert.deepEqual(enabledGlobs(['**/x']), []);
  });

  it('include and exclude together; node_modules and .git are always left out', () => {
    const filter = fileFilter(['infra/**/*.yaml', '**/*.template.json'], ['**/old']);
    assert.ok(isIncludedFile('infra/eu/cluster.yaml', filter));
    assert.ok(isIncludedFile('stacks/vpc.template.json', filter));
    assert.ok(!isIncludedFile('apps/web.yaml', filter));
    assert.ok(!isIncludedFile('infra/old/cluster.yaml', filter));
    assert.ok(!isIncludedFile('infra/node_modules/cluster.yaml', filter));
    assert.ok(!isIncludedFile('.git/cluster.yaml', fileFilter()));
    assert.ok(isIncludedFile('a/b/c.json', fileFilter([])), 'an empty include list means the default');
  });
});

const vpcCluster = (name: string, cidr: string) => ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', `metadata: {name: ${name}, region: us-east-1}`, `vpc: {cidr: ${cidr}}`, ''].join('\n');
const vpcTemplateJson = (id: string, cidr: string) =>
  JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { [id]: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: cidr } } } }, null, 2);

describe('workspace index (the indexer on its own)', () => {
  let folder: string;
  let changes: Array<string | undefined>;
  let indexer: WorkspaceIndexer;
  const file = (rel: string) => path.join(folder, rel);
  const uriOf = (rel: string) => pathToFileURL(file(rel)).href;
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(file(rel)), { recursive: true });
    writeFileSync(file(rel), text);
  };
  const notOpen = () => false;
  /** Names of the VPCs the index knows, seen from a file outside the folder. */
  const vpcNames = () =>
    indexer.index
      .viewFrom('file:///elsewhere.yaml')
      .others.flatMap((f) => (f.vpcs ?? []).map((v) => `${v.name} ${v.cidrs.map((c) => c.cidr.text).join(',')}`))
      .sort();

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-index-'));
    changes = [];
    indexer = new WorkspaceIndexer(
      (source) => changes.push(source),
      () => {},
    );
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps the VPCs of eksctl configs and CloudFormation templates, YAML and JSON, and nothing of other files', async () => {
    write('clusters/a.yaml', vpcCluster('a', '10.0.0.0/16'));
    write('network/vpc.json', vpcTemplateJson('SharedVpc', '10.1.0.0/16'));
    write('package.json', '{"name": "x", "kind": "thing"}');
    write('notes.yaml', 'hello: world\n');
    const result = await indexer.scan([pathToFileURL(folder).href], notOpen);
    assert.deepEqual(result, { scanned: 4, cancelled: false });
    assert.deepEqual(vpcNames(), ['SharedVpc 10.1.0.0/16', 'a 10.0.0.0/16']);
    assert.equal(indexer.index.size, 2);
    assert.deepEqual(changes, [undefined], 'one recheck for the whole scan');
  });

  it('adds, changes and deletes files as the client reports them', async () => {
    write('a.yaml', vpcCluster('a', '10.0.0.0/16'));
    await indexer.scan([pathToFileURL(folder).href], notOpen);
    // Added
    write('b.yaml', vpcCluster('b', '10.9.0.0/16'));
    await indexer.refresh(uriOf('b.yaml'));
    assert.deepEqual(vpcNames(), ['a 10.0.0.0/16', 'b 10.9.0.0/16']);
    // Changed
    write('b.yaml', vpcCluster('b', '10.8.0.0/16'));
    await indexer.refresh(uriOf('b.yaml'));
    assert.deepEqual(vpcNames(), ['a 10.0.0.0/16', 'b 10.8.0.0/16']);
    // Saved without a change to its facts: no recheck asked for
    const before = changes.length;
    write('b.yaml', vpcCluster('b', '10.8.0.0/16') + '# a comment\n');
    await indexer.refresh(uriOf('b.yaml'));
    assert.equal(changes.length, before);
    // Deleted (reported as deleted, or found gone when re-read)
    indexer.forget(uriOf('b.yaml'));
    assert.deepEqual(vpcNames(), ['a 10.0.0.0/16']);
    unlinkSync(file('a.yaml'));
    await indexer.refresh(uriOf('a.yaml'));
    assert.deepEqual(vpcNames(), []);
    assert.equal(changes.length, before + 2);
  });

  it('leaves out what files.exclude names, and follows eksLens.workspace.include', async () => {
    write('infra/a.yaml', vpcCluster('a', '10.0.0.0/16'));
    write('infra/generated/b.yaml', vpcCluster('b', '10.1.0.0/16'));
    write('apps/c.yaml', vpcCluster('c', '10.2.0.0/16'));
    write('node_modules/pkg/d.yaml', vpcCluster('d', '10.3.0.0/16'));
    write('infra/e.json', vpcTemplateJson('E', '10.4.0.0/16'));
    const filters = { include: ['infra/**/*.yaml'], exclude: ['**/generated'] };
    await indexer.scan([pathToFileURL(folder).href], notOpen, { filters: () => filters });
    assert.deepEqual(vpcNames(), ['a 10.0.0.0/16']);
    // A change event for an excluded or not included file does not bring it in.
    await indexer.refresh(uriOf('infra/generated/b.yaml'));
    await indexer.refresh(uriOf('apps/c.yaml'));
    assert.deepEqual(vpcNames(), ['a 10.0.0.0/16']);
    assert.equal(indexer.includes(uriOf('infra/generated/b.yaml')), false);
    assert.equal(indexer.includes(uriOf('infra/new.yaml')), true);
    // New filters (a settings change): a new scan reads what they include and forgets what they leave out.
    await indexer.scan([pathToFileURL(folder).href], notOpen, { filters: () => ({ exclude: ['infra/a.yaml'] }) });
    assert.deepEqual(vpcNames(), ['E 10.4.0.0/16', 'b 10.1.0.0/16', 'c 10.2.0.0/16']);
  });

  it('a nested workspace folder reads its own files under its own filters', async () => {
    write('a.yaml', vpcCluster('a', '10.0.0.0/16'));
    write('nested/b.yaml', vpcCluster('b', '10.1.0.0/16'));
    write('nested/c.yaml', vpcCluster('c', '10.2.0.0/16'));
    const outer = pathToFileURL(folder).href;
    const inner = pathToFileURL(file('nested')).href;
    await indexer.scan([outer, inner], notOpen, { filters: (uri) => (uri === inner ? { exclude: ['c.yaml'] } : {}) });
    assert.deepEqual(vpcNames(), ['a 10.0.0.0/16', 'b 10.1.0.0/16']);
  });

  it('skips open files (they are indexed from their live text) and indexes open documents as they change', async () => {
    write('a.yaml', vpcCluster('a', '10.0.0.0/16'));
    write('b.yaml', vpcCluster('b', '10.1.0.0/16'));
    await indexer.scan([pathToFileURL(folder).href], (uri) => uri === uriOf('b.yaml'));
    assert.deepEqual(vpcNames(), ['a 10.0.0.0/16']);
    indexer.fromModel(buildFileModel({ uri: uriOf('b.yaml'), text: vpcCluster('b', '10.7.0.0/16') }));
    assert.deepEqual(vpcNames(), ['a 10.0.0.0/16', 'b 10.7.0.0/16']);
    assert.equal(changes.at(-1), uriOf('b.yaml'), 'the edited document itself is not rechecked for its own change');
  });

  it('reports progress: begin with the total, rising percentages, end', async () => {
    for (let i = 0; i < 8; i++) write(`c${i}.yaml`, vpcCluster(`c${i}`, `10.${i}.0.0/16`));
    const events: ScanProgress[] = [];
    await indexer.scan([pathToFileURL(folder).href], notOpen, { onProgress: (p) => events.push(p) });
    assert.deepEqual(events[0], { kind: 'begin', total: 8 });
    assert.deepEqual(events.at(-1), { kind: 'end', indexed: 8, cancelled: false });
    const reports = events.filter((e) => e.kind === 'report');
    assert.equal(reports.length, 8);
    assert.deepEqual(reports.at(-1), { kind: 'report', done: 8, total: 8, percentage: 100 });
    for (let i = 1; i < reports.length; i++) assert.ok(reports[i].percentage > reports[i - 1].percentage);
  });

  it('is cancellable: a new scan stops the running one, and so does an abort signal', async () => {
    for (let i = 0; i < 30; i++) write(`c${i}.yaml`, vpcCluster(`c${i}`, `10.${i}.0.0/16`));
    const ws = [pathToFileURL(folder).href];
    const firstEvents: ScanProgress[] = [];
    let reports = 0;
    let second: Promise<unknown> | undefined;
    const first = indexer.scan(ws, notOpen, {
      onProgress: (p) => {
        firstEvents.push(p);
        // A settings change arrives while the first scan is a few files in.
        if (p.kind === 'report' && ++reports === 3) second = indexer.scan(ws, notOpen);
      },
    });
    const firstResult = await first;
    assert.equal(firstResult.cancelled, true);
    assert.ok(firstResult.scanned < 30, `the first scan stopped early (${firstResult.scanned} files)`);
    assert.deepEqual(firstEvents.at(-1), { kind: 'end', indexed: indexer.index.size, cancelled: true });
    assert.deepEqual(await second, { scanned: 30, cancelled: false });
    assert.equal(indexer.index.size, 30);

    // An aborted signal stops a scan before it reads anything, even during its delay.
    const fresh = new WorkspaceIndexer(
      () => {},
      () => {},
    );
    const controller = new AbortController();
    const pending = fresh.scan(ws, notOpen, { delayMs: 10_000, signal: controller.signal });
    controller.abort();
    assert.deepEqual(await pending, { scanned: 0, cancelled: true });
    assert.equal(fresh.index.size, 0);
    // cancel() does the same for the running scan.
    const third = fresh.scan(ws, notOpen, { delayMs: 10_000 });
    fresh.cancel();
    assert.equal((await third).cancelled, true);
  });

  it('the walk stops at its limit and never enters excluded folders', async () => {
    write('a/1.yaml', 'x: 1\n');
    write('a/2.yaml', 'x: 1\n');
    write('b/skip/3.yaml', 'x: 1\n');
    write('b/4.yml', 'x: 1\n');
    const all = await walkFolder(folder, fileFilter(undefined, ['b/skip']));
    assert.deepEqual(
      all.map((f) => path.relative(folder, f).split(path.sep).join('/')),
      ['a/1.yaml', 'a/2.yaml', 'b/4.yml'],
    );
    assert.equal((await walkFolder(folder, fileFilter(), { limit: 2 })).length, 2);
  });

  it('feeds vpc-cidr-overlap: VPCs of several files on disk, refreshed and forgotten as they change', async () => {
    write('clusters/payments.yaml', vpcCluster('payments', '10.0.0.0/16'));
    write('clusters/search.yaml', vpcCluster('search', '10.0.0.0/16'));
    write('network/shared.json', vpcTemplateJson('SharedVpc', '10.0.128.0/17'));
    write('legacy/old.yaml', vpcCluster('old', '10.0.0.0/16'));
    await indexer.scan([pathToFileURL(folder).href], notOpen, { filters: () => ({ exclude: ['legacy'] }) });
    const check = () => {
      const uri = uriOf('clusters/payments.yaml');
      const model = buildFileModel({ uri, text: vpcCluster('payments', '10.0.0.0/16') });
      // The project file says these VPCs share one network (otherwise overlaps are not reported).
      return checkFile(model, { config: mergeConfig({ connectedNetworks: { all: true } }), workspace: indexer.index.viewFrom(uri), rules: [vpcCidrOverlap] });
    };
    let [finding, ...rest] = check();
    assert.equal(rest.length, 0);
    assert.match(
      finding.message,
      /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of the VPC of cluster search in search\.yaml \(connected by [^)]*\) and 10\.0\.128\.0\/17 of resource SharedVpc in \.\.\/network\/shared\.json \(connected by [^)]*\)\./,
    );
    assert.deepEqual(finding.related?.map((r) => [r.uri, r.range.start.line + 1]).sort(), [
      [uriOf('clusters/search.yaml'), 4],
      [uriOf('network/shared.json'), 7],
    ]);
    // search moves away; the template is deleted: nothing overlaps any more.
    write('clusters/search.yaml', vpcCluster('search', '10.1.0.0/16'));
    await indexer.refresh(uriOf('clusters/search.yaml'));
    [finding] = check();
    assert.doesNotMatch(finding.message, /search/);
    unlinkSync(file('network/shared.json'));
    indexer.forget(uriOf('network/shared.json'));
    assert.deepEqual(check(), []);
  });

  it('indexes a template that only peers two VPCs, and vpc-cidr-overlap then reports them', async () => {
    const vpcWithExport = (id: string, cidr: string) =>
      ['Resources:', `  ${id}:`, '    Type: AWS::EC2::VPC', '    Properties:', `      CidrBlock: ${cidr}`, 'Outputs:', '  Out:', `    Value: !Ref ${id}`, `    Export: {Name: ${id}-id}`, ''].join(
        '\n',
      );
    write('network/a.yaml', vpcWithExport('A', '10.0.0.0/16'));
    write('network/b.yaml', vpcWithExport('B', '10.0.0.0/16'));
    write(
      'network/peering.yaml',
      ['Resources:', '  Peer:', '    Type: AWS::EC2::VPCPeeringConnection', '    Properties:', '      VpcId: !ImportValue A-id', '      PeerVpcId: !ImportValue B-id', ''].join('\n'),
    );
    await indexer.scan([pathToFileURL(folder).href], notOpen);
    const uri = uriOf('network/a.yaml');
    const model = buildFileModel({ uri, text: vpcWithExport('A', '10.0.0.0/16') });
    const findings = checkFile(model, { config: mergeConfig(), workspace: indexer.index.viewFrom(uri), rules: [vpcCidrOverlap] });
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /of resource B in b\.yaml \(connected by peering connection Peer in peering\.yaml\)/);
    unlinkSync(file('network/peering.yaml'));
    indexer.forget(uriOf('network/peering.yaml'));
    assert.deepEqual(checkFile(model, { config: mergeConfig(), workspace: indexer.index.viewFrom(uri), rules: [vpcCidrOverlap] }), []);
  });
});

describe('settings that choose the indexed files', () => {
  const store = (eksLens: unknown, filesExclude: unknown, problems: string[] = []) =>
    new SettingsStore(
      async () => eksLens,
      (m) => problems.push(m),
      async (_uri, section) => (section === 'files.exclude' ? filesExclude : undefined),
    );

  it('reads eksLens.workspace.include and the globs files.exclude turns on', async () => {
    assert.deepEqual(await store({ workspace: { include: ['infra/**/*.yaml'] } }, { '**/.git': true, '**/dist': true, '**/tmp': false }).workspaceFilters('file:///ws'), {
      include: ['infra/**/*.yaml'],
      exclude: ['**/.git', '**/dist'],
    });
  });

  it('uses the default include list when the setting is absent, empty or not a list of strings (and says so)', async () => {
    assert.deepEqual(await store({}, undefined).workspaceFilters('file:///ws'), { exclude: [] });
    assert.deepEqual(await store({ workspace: { include: [] } }, undefined).workspaceFilters('file:///ws'), { exclude: [] });
    const problems: string[] = [];
    assert.deepEqual(await store({ workspace: { include: '**/*.yaml' } }, undefined, problems).workspaceFilters('file:///ws'), { exclude: [] });
    assert.match(problems[0], /^Setting eksLens\.workspace\.include: expected a list of glob patterns/);
  });

  it('a store without a way to read other sections excludes nothing', async () => {
    const plain = new SettingsStore(
      async () => ({}),
      () => {},
    );
    assert.deepEqual(await plain.workspaceFilters('file:///ws'), { exclude: [] });
  });
});

const cluster = (serviceCidr: string) =>
  [
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata: {name: prod, region: us-east-1}',
    'vpc: {clusterEndpoints: {publicAccess: false, privateAccess: true}}',
    'kubernetesNetworkConfig:',
    `  serviceIPv4CIDR: ${serviceCidr}`,
    '',
  ].join('\n');

const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata: {name: dns}', 'spec:', '  clusterIP: 10.96.0.10', '  ports: [{port: 53}]', ''].join('\n');

const deployment = (replicas: number) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec: {containers: [{name: web, image: nginx}]}',
    '',
  ].join('\n');
const PDB = ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  minAvailable: 2', '  selector: {matchLabels: {app: web}}', ''].join('\n');

describe('cross-file checks in the language server', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-xfile-'));
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
  let client: TestClient;

  before(async () => {
    writeFileSync(path.join(folder, 'cluster.yaml'), cluster('172.20.0.0/16'));
    writeFileSync(path.join(folder, 'web.yaml'), deployment(2));
    client = new TestClient();
    await client.initialize({ workspaceFolder: folder });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("checks a Service's clusterIP against the service CIDR of an eksctl config found on disk", async () => {
    const uri = uriOf('dns.yaml');
    await client.open(uri, SERVICE);
    const [d] = await client.diagnosticsUntil(uri, (ds) => ds.some((x) => x.code === 'k8s-service-ip-outside-cidr'));
    assert.match(String(d.message), /spec\.clusterIP 10\.96\.0\.10 is outside the cluster's service CIDR 172\.20\.0\.0\/16 \(serviceIPv4CIDR of cluster prod in cluster\.yaml\)/);
    assert.equal(d.relatedInformation?.[0].location.uri, uriOf('cluster.yaml'));
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 5);
  });

  it('rechecks open files when another open document changes what it declares', async () => {
    const clusterUri = uriOf('cluster.yaml');
    await client.open(clusterUri, cluster('172.20.0.0/16'));
    // Widen nothing yet: the Service is still outside. Then move the range over its address.
    await client.change(clusterUri, 2, [{ text: cluster('10.96.0.0/12') }]);
    const diagnostics = await client.diagnosticsUntil(uriOf('dns.yaml'), (ds) => !ds.some((x) => x.code === 'k8s-service-ip-outside-cidr'));
    assert.deepEqual(diagnostics, []);
  });

  it('weighs a PodDisruptionBudget against the replicas of a workload in another file, and follows changes on disk', async () => {
    const uri = uriOf('pdb.yaml');
    await client.open(uri, PDB);
    const [d] = await client.diagnosticsUntil(uri, (ds) => ds.some((x) => x.code === 'k8s-pdb-blocks-eviction'));
    assert.match(String(d.message), /^minAvailable 2 is not below the Deployment web \(2 replicas\)/);
    assert.equal(d.relatedInformation?.[0].location.uri, uriOf('web.yaml'));
    // The Deployment is scaled up on disk: the budget now leaves room.
    writeFileSync(path.join(folder, 'web.yaml'), deployment(3));
    await client.watchedFilesChanged([{ uri: uriOf('web.yaml'), type: 2 }]);
    assert.deepEqual(await client.diagnosticsUntil(uri, (ds) => ds.length === 0), []);
  });
});
