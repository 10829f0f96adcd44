import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../server/src/rules/index';
import { tempTree } from './support/tmp';
import { HANG_MS } from './support/limits';

const CLI = path.resolve('dist/cli.js');

function run(args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8', timeout: HANG_MS });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder of files: { 'a/b.yaml': 'text' }, removed when the run ends. */
const tree = (files: Record<string, string>): string => tempTree('eks-lens-cli-', files);

// A private-only endpoint keeps eks-public-endpoint-open quiet, so each fixture shows one finding.
// The error: a VPC larger than AWS allows (vpc-cidr-prefix).
const BAD_VPC =
  'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nvpc:\n  cidr: 10.0.0.0/12\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\n';
const CLEAN_VPC = BAD_VPC.replace('10.0.0.0/12', '10.1.0.0/16');
/** A clean VPC that shares no address with BAD_VPC's (so no vpc-cidr-overlap between the two files). */
const OTHER_CLEAN_VPC = BAD_VPC.replace('10.0.0.0/12', '10.16.0.0/16').replace('name: c,', 'name: d,');
const WARN_ONLY = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  loadBalancerSourceRanges: [203.0.113.9/24]\n';
const TEMPLATE_JSON = '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/33"}}}}';

describe('eks-lens check', () => {
  it('prints path:line:col  severity  code  message and a summary, exit 1 on errors', () => {
    const dir = tree({ 'cluster.yaml': BAD_VPC });
    const r = run(['check', 'cluster.yaml'], { cwd: dir });
    assert.equal(r.status, 1);
    const [first, summary] = r.stdout.trim().split('\n');
    assert.match(first, /^cluster\.yaml:5:9  error  vpc-cidr-prefix  VPC CIDR 10\.0\.0\.0\/12 is larger than AWS allows/);
    assert.equal(summary, '1 file checked: 1 error, 0 warnings, 0 information, 0 hints.');
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
  });

  it('exits 0 when there are only warnings, and says so when nothing is found', () => {
    const dir = tree({ 'svc.yaml': WARN_ONLY, 'clean.yaml': CLEAN_VPC });
    assert.equal(run(['check', 'svc.yaml'], { cwd: dir }).status, 0);
    const clean = run(['check', 'clean.yaml'], { cwd: dir });
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout.trim(), '1 file checked: no problems found.');
  });

  it('prints exactly the version-1 JSON shape, every checked file listed', () => {
    const dir = tree({ 'a.yaml': BAD_VPC, 'b.yml': OTHER_CLEAN_VPC });
    const r = run(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.status, 1);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json, {
      version: 1,
      files: [
        {
          path: 'a.yaml',
          diagnostics: [
            {
              code: 'vpc-cidr-prefix',
              severity: 'error',
              message: json.files[0].diagnostics[0].message,
              range: { start: { line: 4, character: 8 }, end: { line: 4, character: 19 } },
            },
          ],
        },
        { path: 'b.yml', diagnostics: [] },
      ],
    });
    assert.match(json.files[0].diagnostics[0].message, /10\.0\.0\.0\/12/);
  });

  it('writes SARIF 2.1.0 with every rule and results that point at them', () => {
    const dir = tree({ 'a.yaml': BAD_VPC, 'svc.yaml': WARN_ONLY });
    const r = run(['check', '--format=sarif', '--docs-url', 'https://example.org/rules/', 'a.yaml', 'svc.yaml'], { cwd: dir });
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const { driver } = sarif.runs[0].tool;
    assert.equal(driver.name, 'eks-lens');
    assert.deepEqual(
      driver.rules.map((rule: { id: string }) => rule.id),
      allRules.map((rule) => rule.meta.code),
    );
    for (const rule of driver.rules) {
      assert.ok(rule.shortDescription.text.length > 10);
      assert.equal(rule.helpUri, `https://example.org/rules/${rule.id}.md`);
    }
    const results = sarif.runs[0].results;
    assert.deepEqual(
      results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]),
      [
        ['vpc-cidr-prefix', 'error'],
        ['cidr-host-bits', 'warning'],
      ],
    );
    assert.equal(driver.rules[results[0].ruleIndex].id, 'vpc-cidr-prefix');
    assert.deepEqual(results[0].locations[0].physicalLocation, { artifactLocation: { uri: 'a.yaml' }, region: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 20 } });
  });

  it('walks folders for YAML and CloudFormation JSON, skipping node_modules and .git', () => {
    const dir = tree({
      'infra/vpc.json': TEMPLATE_JSON,
      'infra/package.json': '{"name": "not-a-template"}',
      'k8s/app.yml': WARN_ONLY,
      'node_modules/x/bad.yaml': BAD_VPC,
      '.git/bad.yaml': BAD_VPC,
      'notes.txt': BAD_VPC,
    });
    const r = run(['check', '--format', 'json', '.'], { cwd: dir });
    const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    assert.deepEqual(paths, [path.join('infra', 'vpc.json'), path.join('k8s', 'app.yml')]);
    assert.equal(r.status, 1, 'the template has an invalid prefix');
    const explicit = run(['check', '--format', 'json', 'infra/package.json'], { cwd: dir });
    assert.deepEqual(JSON.parse(explicit.stdout).files, [{ path: 'infra/package.json', diagnostics: [] }]);
  });

  it('exits 2 with a message for unreadable input and bad usage', () => {
    const dir = tree({ 'a.yaml': CLEAN_VPC });
    const missing = run(['check', '--format', 'json', 'no/such.yaml'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read no\/such\.yaml: no such file or directory/);
    for (const args of [
      ['check', '--format', 'xml', 'a.yaml'],
      ['check'],
      ['check', '--rule', 'nope=off', 'a.yaml'],
      ['check', '--rule', 'cidr-syntax=loud', 'a.yaml'],
      ['check', '--kubernetes-version', '31', 'a.yaml'],
      ['lint', 'a.yaml'],
      ['check', '--bogus', 'a.yaml'],
    ]) {
      const r = run(args, { cwd: dir });
      assert.equal(r.status, 2, args.join(' '));
      assert.ok(r.stderr.startsWith('eks-lens: '), args.join(' '));
    }
  });

  it('applies --rule overrides', () => {
    const dir = tree({ 'a.yaml': BAD_VPC });
    const off = run(['check', '--format', 'json', '--rule', 'vpc-cidr-prefix=off', 'a.yaml'], { cwd: dir });
    assert.equal(off.status, 0);
    assert.deepEqual(JSON.parse(off.stdout).files[0].diagnostics, []);
    const warn = run(['check', '--format', 'json', '--rule', 'vpc-cidr-prefix=warning', 'a.yaml'], { cwd: dir });
    assert.equal(warn.status, 0);
    assert.equal(JSON.parse(warn.stdout).files[0].diagnostics[0].severity, 'warning');
  });

  it('checks files against what the other files given declare, and takes --service-cidr and --kubernetes-version', () => {
    const cluster =
      'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nvpc: {clusterEndpoints: {publicAccess: false, privateAccess: true}}\nkubernetesNetworkConfig: {serviceIPv4CIDR: 172.20.0.0/16}\n';
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {clusterIP: 10.96.0.10}\n';
    const dir = tree({ 'infra/cluster.yaml': cluster, 'apps/svc.yaml': service, 'apps/cron.yaml': 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: j}\n' });
    const codes = (r: ReturnType<typeof run>) => JSON.parse(r.stdout).files.flatMap((f: { path: string; diagnostics: Array<{ code: string }> }) => f.diagnostics.map((d) => `${f.path} ${d.code}`));
    // Together, the Service is checked against the cluster's range; alone, the range is unknown.
    assert.deepEqual(codes(run(['check', '--format', 'json', '.'], { cwd: dir })), ['apps/cron.yaml k8s-removed-api', 'apps/svc.yaml k8s-service-ip-outside-cidr']);
    assert.deepEqual(codes(run(['check', '--format', 'json', 'apps/svc.yaml'], { cwd: dir })), []);
    assert.deepEqual(codes(run(['check', '--format', 'json', '--service-cidr', '10.96.0.0/12', '.'], { cwd: dir })), ['apps/cron.yaml k8s-removed-api']);
    // batch/v1beta1 CronJob: deprecated in 1.21, removed in 1.25.
    assert.deepEqual(codes(run(['check', '--format', 'json', '--kubernetes-version', '1.21', 'apps/cron.yaml'], { cwd: dir })), ['apps/cron.yaml k8s-deprecated-api']);
    assert.deepEqual(codes(run(['check', '--format', 'json', '--kubernetes-version', '1.20', 'apps/cron.yaml'], { cwd: dir })), []);
    assert.equal(run(['check', '--service-cidr', '10.96.0.0/33', '.'], { cwd: dir }).status, 2);
  });

  it('reads .eks-lens.yaml from the working directory, unless told not to', () => {
    const dir = tree({ '.eks-lens.yaml': 'rules:\n  vpc-cidr-prefix: information\nkubernetesVersion: 1.30\n', 'a.yaml': BAD_VPC, 'other.yaml': 'rules: {vpc-cidr-prefix: off}\n' });
    const withProject = run(['check', '--format', 'json', 'a.yaml'], { cwd: dir });
    assert.equal(JSON.parse(withProject.stdout).files[0].diagnostics[0].severity, 'information');
    assert.equal(withProject.status, 0);
    const ignored = run(['check', '--no-config', '--format', 'json', 'a.yaml'], { cwd: dir });
    assert.equal(JSON.parse(ignored.stdout).files[0].diagnostics[0].severity, 'error');
    const explicit = run(['check', '--config', 'other.yaml', '--format', 'json', 'a.yaml'], { cwd: dir });
    assert.deepEqual(JSON.parse(explicit.stdout).files[0].diagnostics, []);
    const flagWins = run(['check', '--rule', 'vpc-cidr-prefix=error', 'a.yaml'], { cwd: dir });
    assert.equal(flagWins.status, 1);
  });

  it('reports problems in .eks-lens.yaml on stderr and keeps going', () => {
    const dir = tree({ '.eks-lens.yaml': 'rules:\n  vpc-cidr-prefix: loud\ncolour: red\n', 'a.yaml': BAD_VPC });
    const r = run(['check', 'a.yaml'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /vpc-cidr-prefix: "loud" is not one of/);
    assert.match(r.stderr, /unknown key "colour"/);
  });

  it('checks standard input given as -', () => {
    const r = run(['check', '--format', 'json', '-'], { input: BAD_VPC });
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).files[0].path, '<stdin>');
  });

  it('checks every VPC of the files it is given against reservedCidrs and against each other', () => {
    const dir = tree({
      '.eks-lens.yaml': 'reservedCidrs: [10.50.0.0/16]\n',
      'clusters/prod.yaml': OTHER_CLEAN_VPC.replace('10.16.0.0/16', '10.50.0.0/16'),
      'clusters/stage.yaml': OTHER_CLEAN_VPC.replace('10.16.0.0/16', '10.60.0.0/16').replace('name: d,', 'name: stage,'),
      'network/vpc.json': JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Shared: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.60.0.0/17' } } } }),
    });
    const r = run(['check', '--format', 'json', '.'], { cwd: dir });
    const findings = (JSON.parse(r.stdout).files as Array<{ path: string; diagnostics: Array<{ code: string; message: string }> }>)
      .flatMap((f) => f.diagnostics.map((d) => ({ file: f.path.split(path.sep).join('/'), code: d.code, message: d.message })))
      .sort((a, b) => (a.file < b.file ? -1 : 1));
    assert.deepEqual(
      findings.map((f) => [f.file, f.code]),
      [
        ['clusters/prod.yaml', 'vpc-cidr-overlap-reserved'],
        ['clusters/stage.yaml', 'vpc-cidr-overlap'],
        ['network/vpc.json', 'vpc-cidr-overlap'],
      ],
    );
    assert.match(findings[0].message, /10\.50\.0\.0\/16/);
    // reservedCidrs says these VPCs reach outside networks, so they count as connected (no connectedNetworks written).
    assert.match(findings[1].message, /^VPC CIDR 10\.60\.0\.0\/16 overlaps 10\.60\.0\.0\/17 of resource Shared in network\/vpc\.json/);
    assert.match(findings[2].message, /^VPC CIDR 10\.60\.0\.0\/17 overlaps 10\.60\.0\.0\/16 of the VPC of cluster stage in clusters\/stage\.yaml/);
    assert.equal(r.status, 1);
  });

  it('prints help and version', () => {
    assert.match(run(['--help']).stdout, /Usage: eks-lens check/);
    assert.match(run(['--version']).stdout.trim(), /^\d+\.\d+\.\d+/);
  });
});

describe('eks-lens check: the project file and links of an untrusted tree', () => {
  /** tree() is removed when the run ends too. */
  const scratch = tree;
  const OFF = 'rules: {vpc-cidr-prefix: off}\n';
  const canLink = process.platform !== 'win32';
  const canMkfifo = canLink && spawnSync('mkfifo', ['--version']).error === undefined;

  it('outside a repository, a project file above the checked tree is not used; inside one, the nearest up to the root is', () => {
    // The real path: the child's working directory is reported with links resolved (macOS's /var).
    const outer = realpathSync(scratch({ '.eks-lens.yaml': OFF, 'proj/a.yaml': BAD_VPC }));
    const proj = path.join(outer, 'proj');
    // From inside the tree: the parent's file turned the rule off before; now the check fails.
    const inside = run(['check', '.'], { cwd: proj });
    assert.equal(inside.status, 1, inside.stderr);
    assert.doesNotMatch(inside.stderr, /using project file/);
    // From the parent, naming the tree below: not used either, and a note says how to use it.
    const below = run(['check', 'proj'], { cwd: outer });
    assert.equal(below.status, 1);
    assert.match(
      below.stderr,
      /^eks-lens: note: \.eks-lens\.yaml in the working directory is not used: the project file is looked for from the top folder of the checked paths \(proj\) up to its repository root, and outside a repository in that folder only; pass --config \.eks-lens\.yaml to use it$/m,
    );
    // The tree's own file, and an explicit one, are used, and named.
    const own = run(['check', '.'], { cwd: outer });
    assert.equal(own.status, 0);
    assert.equal(own.stderr, 'eks-lens: using project file .eks-lens.yaml\n');
    const explicit = run(['check', '--config', '../.eks-lens.yaml', '.'], { cwd: proj });
    assert.equal(explicit.status, 0);
    assert.equal(explicit.stderr, `eks-lens: using project file ${path.join('..', '.eks-lens.yaml')}\n`, 'as given');
    // In a repository (.git a folder, or a file as in worktrees), the search goes up to its root.
    mkdirSync(path.join(outer, '.git'));
    const repo = run(['check', '.'], { cwd: proj });
    assert.equal(repo.status, 0);
    assert.equal(repo.stderr, `eks-lens: using project file ${path.join(outer, '.eks-lens.yaml')}\n`);
    const sub = run(['check', 'proj/a.yaml'], { cwd: outer });
    assert.equal(sub.status, 0);
    assert.equal(sub.stderr, 'eks-lens: using project file .eks-lens.yaml\n');
    // ... and not past it.
    const nested = scratch({ '.eks-lens.yaml': OFF, 'repo/.git': 'gitdir: /elsewhere\n', 'repo/a.yaml': BAD_VPC });
    assert.equal(run(['check', '.'], { cwd: path.join(nested, 'repo') }).status, 1);
  });

  it('names the project file used in JSON and SARIF output, and in maps', () => {
    const dir = scratch({ '.eks-lens.yaml': 'rules: {vpc-cidr-prefix: warning}\n', 'a.yaml': BAD_VPC });
    const json = run(['check', '--format', 'json', 'a.yaml'], { cwd: dir });
    assert.equal(JSON.parse(json.stdout).projectFile, '.eks-lens.yaml');
    assert.equal(json.stderr, '', 'JSON output says it in the output itself');
    assert.equal(JSON.parse(run(['check', '--format', 'json', '--no-config', 'a.yaml'], { cwd: dir }).stdout).projectFile, undefined);
    const sarif = JSON.parse(run(['check', '--format', 'sarif', 'a.yaml'], { cwd: dir }).stdout);
    assert.deepEqual(sarif.runs[0].properties, { projectFile: '.eks-lens.yaml' });
    assert.equal(run(['map', 'a.yaml'], { cwd: dir }).stderr, 'eks-lens: using project file .eks-lens.yaml\n');
  });

  it('refuses a FIFO, a device or a file over 1 MB as --config (exit 2), and never blocks', { skip: !canMkfifo && 'no mkfifo here' }, () => {
    const dir = scratch({ 'a.yaml': CLEAN_VPC, 'big.yaml': `${OFF}#${'x'.repeat(1024 * 1024)}\n` });
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]).status, 0);
    // run() kills the child after 60 s: a hang fails with status null.
    const pipe = run(['check', '--config', 'pipe.yaml', 'a.yaml'], { cwd: dir });
    assert.equal(pipe.status, 2);
    assert.equal(pipe.stderr, 'eks-lens: pipe.yaml: is a named pipe (FIFO), not a regular file; it is not read\n');
    const device = run(['check', '--config', '/dev/zero', 'a.yaml'], { cwd: dir });
    assert.equal(device.status, 2);
    assert.equal(device.stderr, 'eks-lens: /dev/zero: is a character device, not a regular file; it is not read\n');
    const big = run(['check', '--config', 'big.yaml', 'a.yaml'], { cwd: dir });
    assert.equal(big.status, 2);
    assert.match(big.stderr, /^eks-lens: big\.yaml: is larger than the 1 MB a project file may be \(1\.0 MB\); it is not read$/m);
    const missing = run(['check', '--config', 'none.yaml', 'a.yaml'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /none\.yaml: cannot be read: no such file/);
  });

  it('a found .eks-lens.yaml that is a FIFO or a link leading out of the tree is reported and not read', { skip: !canMkfifo && 'no mkfifo here' }, () => {
    const outside = scratch({ 'other.yaml': `${OFF}secretKey: hunter2\n` });
    const linked = scratch({ 'a.yaml': BAD_VPC });
    symlinkSync(path.join(outside, 'other.yaml'), path.join(linked, '.eks-lens.yaml'));
    const link = run(['check', 'a.yaml'], { cwd: linked });
    assert.equal(link.status, 1, 'the outside file did not turn the rule off');
    assert.match(link.stderr, /^eks-lens: \.eks-lens\.yaml: is a symbolic link to .*other\.yaml, outside the checked folder; it is not read$/m);
    assert.doesNotMatch(link.stderr, /secretKey|hunter2/);
    const piped = scratch({ 'a.yaml': BAD_VPC });
    assert.equal(spawnSync('mkfifo', [path.join(piped, '.eks-lens.yaml')]).status, 0);
    const pipe = run(['check', 'a.yaml'], { cwd: piped });
    assert.equal(pipe.status, 1);
    assert.equal(pipe.stderr, 'eks-lens: .eks-lens.yaml: is a named pipe (FIFO), not a regular file; it is not read\n');
  });

  it('does not follow links to files outside the folder it walks, but checks a link it is given', { skip: !canLink && 'no symbolic links here' }, () => {
    const root = scratch({ 'outside/secret.yaml': BAD_VPC, 'tree/real/b.yaml': WARN_ONLY });
    const dir = path.join(root, 'tree');
    symlinkSync(path.join(root, 'outside', 'secret.yaml'), path.join(dir, 'leak.yaml'));
    symlinkSync(path.join(dir, 'real', 'b.yaml'), path.join(dir, 'alias.yaml'));
    const walked = run(['check', '--format', 'json', '.'], { cwd: dir });
    assert.deepEqual(
      JSON.parse(walked.stdout).files.map((f: { path: string }) => f.path.split(path.sep).join('/')),
      ['alias.yaml', 'real/b.yaml'],
    );
    assert.equal(walked.status, 0);
    const named = run(['check', '--format', 'json', 'leak.yaml'], { cwd: dir });
    assert.equal(named.status, 1, 'named on the command line: checked');
    assert.equal(JSON.parse(named.stdout).files[0].diagnostics[0].code, 'vpc-cidr-prefix');
  });
});
