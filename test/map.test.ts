// The `eks-lens map` command, run as users run it: the built dist/cli.js (npm run build first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempTree } from './support/tmp';
import { allElements, parseXml } from '../server/src/map/testFixtures';
import { HANG_MS } from './support/limits';

const CLI = path.resolve('dist/cli.js');
const EXAMPLES = path.resolve('examples');

function run(args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8', timeout: HANG_MS });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tree = (files: Record<string, string>): string => tempTree('eks-lens-map-', files);

const CLUSTER = [
  'apiVersion: eksctl.io/v1alpha5',
  'kind: ClusterConfig',
  'metadata: {name: shop, region: us-east-1}',
  'vpc:',
  '  cidr: 10.0.0.0/16',
  '  subnets:',
  '    private:',
  '      us-east-1a: {cidr: 10.0.64.0/18}',
  '',
].join('\n');

const subnetsOf = (svg: string) => allElements(parseXml(svg)).filter((e) => e.attrs['data-kind'] === 'subnet');

describe('eks-lens map', () => {
  it('writes a well-formed SVG to stdout, blocks placed to scale, with file and line', () => {
    const dir = tree({ 'cluster.yaml': CLUSTER });
    const r = run(['map', 'cluster.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const [subnet] = subnetsOf(r.stdout);
    assert.equal(subnet.attrs['data-uri'], 'cluster.yaml');
    assert.equal(subnet.attrs['data-line'], '7');
    // 10.0.64.0/18 in 10.0.0.0/16, on a 912 px bar starting at 24.
    assert.ok(Math.abs(Number(subnet.attrs.x) - (24 + 912 / 4)) <= 0.5, subnet.attrs.x);
    assert.ok(Math.abs(Number(subnet.attrs.width) - 912 / 4) <= 0.5, subnet.attrs.width);
    assert.equal(r.stdout, run(['map', '--format', 'svg', 'cluster.yaml'], { cwd: dir }).stdout, 'same files, same bytes');
  });

  it('writes to --output, and HTML with --format html', () => {
    const dir = tree({ 'cluster.yaml': CLUSTER });
    const svg = run(['map', '--output', 'map.svg', 'cluster.yaml'], { cwd: dir });
    assert.equal(svg.status, 0, svg.stderr);
    assert.equal(svg.stdout, '');
    assert.equal(subnetsOf(readFileSync(path.join(dir, 'map.svg'), 'utf8')).length, 1);
    const html = run(['map', '--format=html', '-o', 'map.html', 'cluster.yaml'], { cwd: dir });
    assert.equal(html.status, 0, html.stderr);
    const page = readFileSync(path.join(dir, 'map.html'), 'utf8');
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.match(page, /Content-Security-Policy/);
    assert.doesNotMatch(page, /<script/);
  });

  it('draws every VPC of examples/, eksctl and CloudFormation, with overlaps and outsiders', () => {
    const r = run(['map', '--no-config', EXAMPLES]);
    assert.equal(r.status, 0, r.stderr);
    const root = parseXml(r.stdout);
    const headings = allElements(root)
      .filter((e) => e.name === 'text' && /^\d+\. VPC /.test(e.text))
      .map((e) => e.text);
    assert.ok(headings.length >= 5, headings.join(' | '));
    assert.ok(headings.includes('1. VPC SandboxVPC') || headings.some((h) => h.endsWith('SandboxVPC')), headings.join(' | '));
    assert.ok(
      headings.some((h) => h.endsWith('payments-staging')),
      headings.join(' | '),
    );
    const uris = new Set(
      allElements(root)
        .map((e) => e.attrs['data-uri'])
        .filter(Boolean),
    );
    assert.ok([...uris].some((u) => u.endsWith(path.join('cloudformation', 'vpc-mistakes.yaml'))));
    assert.ok([...uris].some((u) => u.endsWith(path.join('eksctl', 'cluster-mistakes.yaml'))));
    assert.ok(
      allElements(root).some((e) => e.attrs['data-kind'] === 'overlap'),
      'the mistakes examples overlap',
    );
    assert.match(r.stdout, /Outside every block of the VPC: us-west-2c 10\.1\.16\.0\/20/);
  });

  it("marks the project file's reserved ranges", () => {
    const dir = tree({ '.eks-lens.yaml': 'reservedCidrs: [10.0.192.0/18]\n', 'cluster.yaml': CLUSTER });
    const r = run(['map', 'cluster.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const mark = allElements(parseXml(r.stdout)).find((e) => e.attrs['data-kind'] === 'mark-reserved');
    assert.ok(mark, 'a reserved mark');
    assert.ok(Math.abs(Number(mark.attrs.x) - (24 + 912 * 0.75)) <= 0.5);
    assert.match(mark.attrs['aria-label'], /reserved in .*\.eks-lens\.yaml 10\.0\.192\.0\/18/);
    const ignored = run(['map', '--no-config', 'cluster.yaml'], { cwd: dir });
    assert.doesNotMatch(ignored.stdout, /mark-reserved/);
  });

  it('renders a picture saying so when no VPC is found (exit 0)', () => {
    const dir = tree({ 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n' });
    const r = run(['map', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(parseXml(r.stdout).name, 'svg');
    assert.match(r.stdout, /No VPC found/);
  });

  it('exits 2 on usage errors and unreadable paths', () => {
    const dir = tree({ 'cluster.yaml': CLUSTER });
    for (const args of [['map'], ['map', '--format', 'png', 'cluster.yaml'], ['map', '--bogus', 'cluster.yaml'], ['map', 'cluster.yaml', '--output']]) {
      const r = run(args, { cwd: dir });
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /eks-lens: /);
      assert.equal(r.stdout, '');
    }
    const missing = run(['map', 'cluster.yaml', 'nope.yaml'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read nope\.yaml/);
    assert.equal(subnetsOf(missing.stdout).length, 1, 'what could be read is still drawn');
    assert.match(run(['map', '--help']).stdout, /eks-lens map \[--format svg\|html\]/);
  });

  it('draws 1,000 VPCs that share one block without running out of memory, and says how many it left out', () => {
    const resources = Array.from({ length: 1000 }, (_, i) => `  Vpc${i}:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}`);
    const dir = tree({ 'many.yaml': ['Resources:', ...resources, ''].join('\n') });
    try {
      for (const format of ['html', 'svg']) {
        const r = spawnSync(process.execPath, [CLI, 'map', '--format', format, 'many.yaml'], { cwd: dir, encoding: 'utf8', timeout: HANG_MS, maxBuffer: 64 * 1024 * 1024 });
        assert.equal(r.status, 0, r.stderr.slice(0, 500));
        assert.match(r.stdout, /… and 800 more VPCs not drawn/);
        assert.match(r.stdout, /1 group of VPCs sharing addresses/);
        // Was "Invalid string length" after 2.7 GB of output.
        assert.ok(r.stdout.length < 8_000_000, `${format}: ${r.stdout.length} characters`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
