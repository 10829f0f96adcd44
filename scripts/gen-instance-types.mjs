// Regenerates the EC2 instance-type table (server/src/network/instanceTypes.data.ts) from AWS's own
// generated files, instead of copying numbers by hand.
//
// Usage:
//   node scripts/gen-instance-types.mjs <git-dir>[@<ref>] [<git-dir>[@<ref>] ...] [--out <file>]
//
// Each argument is a git directory (bare or not; the search tool's `fetch github:owner/name` gives
// one), read with `git show` at <ref> (default HEAD); nothing is read from the network. Which
// source a directory is, is told by the file it holds:
//   - aws/amazon-vpc-resource-controller-k8s, pkg/aws/vpc/limits.go (this or Karpenter's copy is required): per type the
//     VPCLimits struct: Interface, IPv4PerInterface, IsTrunkingCompatible, BranchInterface,
//     NetworkCards (MaximumNetworkInterfaces, NetworkCardIndex), DefaultNetworkCardIndex,
//     Hypervisor, IsBareMetal. It is generated from EC2 DescribeInstanceTypes plus AWS's internal
//     branch-ENI limits, and says when ("This file was generated at …").
//     aws/karpenter-provider-aws keeps a copy, pkg/providers/instancetype/zz_generated.vpclimits.go,
//     regenerated more often; given both, the one generated later is used and the other compared.
//   - aws/amazon-vpc-cni-k8s, misc/eni-max-pods.txt (required): the max-pods value the EKS AMIs use.
//     A cross-check: for every type both list, enis × (ipv4PerEni − 1) + 2 must equal it, where
//     enis is the default network card's MaximumNetworkInterfaces. Any difference stops the run.
//     The same checkout's pkg/vpc/vpc_ip_resource_limit.go (the CNI's own DescribeInstanceTypes
//     table, regenerated with eni-max-pods.txt) supplies the types the limits above lack, with 0
//     branch ENIs: the resource controller gives no trunk ENI to a type it does not list.
//   - aws/karpenter-provider-aws, website/content/en/preview/reference/instance-types.md (optional):
//     Karpenter's generated reference page, whose `karpenter.k8s.aws/instance-cpu` label is
//     DescribeInstanceTypes' VCpuInfo.DefaultVCpus (pkg/providers/instancetype/types.go). The vCPU
//     count of each type comes from there, or, for a type it no longer lists, from the newest
//     versioned page (website/content/en/v*/…) that does; a type no page lists gets none (never a
//     guess from the size name). Its `vpc.amazonaws.com/pod-eni` resource is compared with BranchInterface and differences are
//     reported (not fatal: the two files are generated on different days).
//
// Output: one row per type, in a single string that instanceTypes.ts parses on first use.
// It prints a summary on stderr: counts, the types missing from each source, any disagreement.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { git, repoName } from './git-source.mjs';

const LIMITS_GO = 'pkg/aws/vpc/limits.go';
const KARPENTER_LIMITS = 'pkg/providers/instancetype/zz_generated.vpclimits.go';
const ENI_MAX_PODS = 'misc/eni-max-pods.txt';
const CNI_LIMITS = 'pkg/vpc/vpc_ip_resource_limit.go';
const KARPENTER_MD = 'website/content/en/preview/reference/instance-types.md';
const DEFAULT_OUT = 'server/src/network/instanceTypes.data.ts';

function hasFile(gitDir, ref, file) {
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${ref}:${file}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Karpenter's reference pages in the order vCPUs are taken from them: preview, current, then releases newest first. */
function karpenterPages(gitDir, ref) {
  const pages = git(gitDir, ['ls-tree', '-r', '--name-only', ref, 'website/content/en/'])
    .split('\n')
    .filter((f) => /^website\/content\/en\/[^/]+\/reference\/instance-types\.md$/.test(f));
  const version = (f) => f.split('/')[3];
  const rank = (v) => (v === 'preview' ? [1e9, 0] : v === 'docs' ? [1e9, -1] : (/^v(\d+)\.(\d+)$/.exec(v)?.slice(1).map(Number) ?? [-1, 0]));
  return pages.sort((a, b) => {
    const [x, y] = [rank(version(a)), rank(version(b))];
    return y[0] - x[0] || y[1] - x[1];
  });
}

function describeSource(gitDir, ref, file) {
  const commit = git(gitDir, ['rev-parse', `${ref}^{commit}`]).trim();
  const date = git(gitDir, ['show', '-s', '--format=%cs', commit]).trim();
  const name = repoName(gitDir);
  // The file's own last change, which is what its content reflects.
  const fileCommit = git(gitDir, ['log', '-1', '--format=%H %cs', commit, '--', file]).trim().split(' ');
  return { name, commit, date, file, fileCommit: fileCommit[0], fileDate: fileCommit[1] };
}

function fail(message) {
  process.stderr.write(`gen-instance-types: ${message}\n`);
  process.exit(1);
}

/** limits.go: the Limits map, one entry per type. */
// The two layouts of the generated limits: VPCLimits (the resource controller and Karpenter's
// copy) and InstanceTypeLimits (the VPC CNI's pkg/vpc, which has no branch ENIs).
const LAYOUTS = {
  VPCLimits: { enis: 'Interface', ipv4: 'IPv4PerInterface', hypervisor: 'Hypervisor', branch: true },
  InstanceTypeLimits: { enis: 'ENILimit', ipv4: 'IPv4Limit', hypervisor: 'HypervisorType', branch: false },
};

function parseLimitsGo(text, file, layoutName) {
  const layout = LAYOUTS[layoutName];
  const generated = /This file was generated at (\S+)/.exec(text)?.[1];
  // The struct must still have the fields read below, or the parse would silently miss them.
  const struct = new RegExp(`type ${layoutName} struct \\{([^}]*)\\}`).exec(text)?.[1];
  if (struct !== undefined) {
    const fields = [layout.enis, layout.ipv4, 'NetworkCards', 'DefaultNetworkCardIndex', layout.hypervisor, 'IsBareMetal', ...(layout.branch ? ['IsTrunkingCompatible', 'BranchInterface'] : [])];
    for (const field of fields) if (!new RegExp(`^\\s*${field}\\s`, 'm').test(struct)) fail(`${file}: ${layoutName} has no field ${field}; the generator needs updating`);
  } else if (layout.branch) {
    fail(`${file}: no ${layoutName} struct; the generator needs updating`);
  }
  const types = new Map();
  const entry = /^\t"([^"]+)": \{\n([\s\S]*?)^\t\},?$/gm;
  for (const [, type, body] of text.matchAll(entry)) {
    const int = (field) => {
      const m = new RegExp(`^\\t\\t${field}:\\s+(-?\\d+),`, 'm').exec(body);
      if (!m) fail(`${file}: ${type} has no ${field}`);
      return Number(m[1]);
    };
    const bool = (field) => {
      const m = new RegExp(`^\\t\\t${field}:\\s+(true|false),`, 'm').exec(body);
      if (!m) fail(`${file}: ${type} has no ${field}`);
      return m[1] === 'true';
    };
    const hypervisor = new RegExp(`^\\t\\t${layout.hypervisor}:\\s+"([^"]*)",`, 'm').exec(body);
    if (!hypervisor) fail(`${file}: ${type} has no ${layout.hypervisor}`);
    const cards = [...body.matchAll(/MaximumNetworkInterfaces:\s+(\d+),\s*NetworkCardIndex:\s+(\d+),/g)].map((m) => ({ max: Number(m[1]), index: Number(m[2]) }));
    const defaultCard = int('DefaultNetworkCardIndex');
    const card = cards.find((c) => c.index === defaultCard);
    if (!card) fail(`${file}: ${type} has no network card with the default index ${defaultCard}`);
    types.set(type, {
      enis: card.max,
      ipv4PerEni: int(layout.ipv4),
      networkCards: cards.length,
      // The CNI writes "unknown" where EC2 reports no hypervisor (bare metal); the others write "".
      hypervisor: hypervisor[1] === 'unknown' ? '' : hypervisor[1],
      bareMetal: bool('IsBareMetal'),
      allInterfaces: int(layout.enis),
      // A type the resource controller does not list gets no trunk ENI from it: 0 branch ENIs.
      trunking: layout.branch ? bool('IsTrunkingCompatible') : false,
      branch: layout.branch ? int('BranchInterface') : 0,
    });
  }
  if (types.size < 100) fail(`${file}: only ${types.size} types parsed; has the layout changed?`);
  return { generated, types };
}

/** eni-max-pods.txt: type → max pods. */
function parseEniMaxPods(text) {
  const pods = new Map();
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const m = /^(\S+)\s+(\d+)$/.exec(t);
    if (!m) fail(`${ENI_MAX_PODS}: cannot read line ${JSON.stringify(line)}`);
    pods.set(m[1], Number(m[2]));
  }
  return pods;
}

/** Karpenter's instance-types.md: type → { vcpus, podEni }. */
function parseKarpenterMd(text) {
  const types = new Map();
  for (const section of text.split(/^### /m).slice(1)) {
    const type = /^`([^`]+)`/.exec(section)?.[1];
    if (!type) continue;
    const vcpus = /\|karpenter\.k8s\.aws\/instance-cpu\|(\d+)\|/.exec(section)?.[1];
    const podEni = /\|vpc\.amazonaws\.com\/pod-eni\|(\d+)\|/.exec(section)?.[1];
    types.set(type, { vcpus: vcpus === undefined ? undefined : Number(vcpus), podEni: podEni === undefined ? undefined : Number(podEni) });
  }
  return types;
}

const HYPERVISOR_CODE = { nitro: 'n', xen: 'x', '': '-' };

function main(argv) {
  let out = DEFAULT_OUT;
  const specs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else specs.push(argv[i]);
  }
  if (!specs.length) fail('usage: node scripts/gen-instance-types.mjs <git-dir>[@<ref>] … [--out <file>]');

  const log = (s) => process.stderr.write(`${s}\n`);
  const limitsCandidates = [];
  const vcpuPages = [];
  let eniMaxPods, eniSource, cniLimits;
  for (const spec of specs) {
    const at = spec.lastIndexOf('@');
    const [gitDir, ref] = at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, 'HEAD'];
    let used = false;
    for (const file of [LIMITS_GO, KARPENTER_LIMITS]) {
      if (!hasFile(gitDir, ref, file)) continue;
      limitsCandidates.push({ source: describeSource(gitDir, ref, file), ...parseLimitsGo(git(gitDir, ['show', `${ref}:${file}`]), file, 'VPCLimits') });
      used = true;
    }
    if (hasFile(gitDir, ref, ENI_MAX_PODS)) {
      eniSource = describeSource(gitDir, ref, ENI_MAX_PODS);
      eniMaxPods = parseEniMaxPods(git(gitDir, ['show', `${ref}:${ENI_MAX_PODS}`]));
      used = true;
    }
    if (hasFile(gitDir, ref, CNI_LIMITS)) {
      cniLimits = { source: describeSource(gitDir, ref, CNI_LIMITS), ...parseLimitsGo(git(gitDir, ['show', `${ref}:${CNI_LIMITS}`]), CNI_LIMITS, 'InstanceTypeLimits') };
    }
    for (const file of hasFile(gitDir, ref, KARPENTER_MD) ? karpenterPages(gitDir, ref) : []) {
      vcpuPages.push({ source: describeSource(gitDir, ref, file), types: parseKarpenterMd(git(gitDir, ['show', `${ref}:${file}`])) });
      used = true;
    }
    if (!used) fail(`${spec}: holds none of ${LIMITS_GO}, ${KARPENTER_LIMITS}, ${ENI_MAX_PODS}, ${KARPENTER_MD}`);
  }
  if (!limitsCandidates.length) fail(`no git directory with ${LIMITS_GO} (aws/amazon-vpc-resource-controller-k8s) or ${KARPENTER_LIMITS} (aws/karpenter-provider-aws) was given`);
  if (!eniMaxPods) fail(`no git directory with ${ENI_MAX_PODS} (aws/amazon-vpc-cni-k8s) was given`);

  // The newest generated copy of the limits wins; the others are compared with it for information.
  limitsCandidates.sort((a, b) => (b.generated ?? '').localeCompare(a.generated ?? ''));
  const limits = limitsCandidates[0];
  log(`limits from ${limits.source.name} ${limits.source.file}, generated at ${limits.generated}`);
  for (const other of limitsCandidates.slice(1)) {
    const common = [...other.types.keys()].filter((t) => limits.types.has(t));
    const differ = common.filter((t) => JSON.stringify(other.types.get(t)) !== JSON.stringify(limits.types.get(t)));
    log(
      `  ${other.source.name} ${other.source.file} (generated at ${other.generated}): ${other.types.size} types, ${common.length} in common, ${differ.length} differing${differ.length ? `: ${differ.join(' ')}` : ''}`,
    );
  }
  // Types the VPC CNI's own table has and the limits lack (it is regenerated more often): their
  // network limits come from it, with no branch ENIs. Common types are compared for information.
  const supplemented = [];
  if (cniLimits) {
    const networkOnly = (l) => JSON.stringify([l.enis, l.ipv4PerEni, l.networkCards, l.hypervisor, l.bareMetal]);
    const differ = [...cniLimits.types.keys()].filter((t) => limits.types.has(t) && networkOnly(cniLimits.types.get(t)) !== networkOnly(limits.types.get(t)));
    log(`  ${cniLimits.source.name} ${CNI_LIMITS}: ${cniLimits.types.size} types, ${differ.length} differing in network limits${differ.length ? `: ${differ.join(' ')}` : ''}`);
    for (const [type, l] of cniLimits.types) {
      if (limits.types.has(type)) continue;
      limits.types.set(type, l);
      supplemented.push(type);
    }
    supplemented.sort();
    log(`from ${CNI_LIMITS} only (${supplemented.length}), branch ENIs 0: ${supplemented.join(' ')}`);
  }
  const names = [...limits.types.keys()].sort();

  // Cross-check against eni-max-pods.txt: every disagreement is named, then the run stops.
  const mismatches = [];
  for (const type of names) {
    const expected = eniMaxPods.get(type);
    if (expected === undefined) continue;
    const l = limits.types.get(type);
    const computed = l.enis * (l.ipv4PerEni - 1) + 2;
    if (computed !== expected) mismatches.push(`${type}: ${l.enis} × (${l.ipv4PerEni} − 1) + 2 = ${computed}, eni-max-pods.txt says ${expected}`);
  }
  if (mismatches.length) fail(`the limits and eni-max-pods.txt disagree for ${mismatches.length} type(s):\n  ${mismatches.join('\n  ')}`);
  const checked = names.filter((t) => eniMaxPods.has(t)).length;
  const onlyInLimits = names.filter((t) => !eniMaxPods.has(t));
  const onlyInCni = [...eniMaxPods.keys()].filter((t) => !limits.types.has(t)).sort();
  log(`${names.length} types; ${checked} also in eni-max-pods.txt, all agreeing`);
  if (onlyInLimits.length) log(`in the limits only (${onlyInLimits.length}): ${onlyInLimits.join(' ')}`);
  if (onlyInCni.length) log(`in eni-max-pods.txt only, so not in the table (${onlyInCni.length}): ${onlyInCni.join(' ')}`);

  // vCPUs: from the first page (preview, current, then older releases) that lists the type.
  const vcpuFrom = new Map();
  for (const type of names) {
    const page = vcpuPages.find((p) => p.types.get(type)?.vcpus !== undefined);
    if (page) vcpuFrom.set(type, page);
  }
  const noVcpus = names.filter((t) => !vcpuFrom.has(t));
  const pagesUsed = vcpuPages.filter((p) => [...vcpuFrom.values()].includes(p));
  for (const p of pagesUsed) log(`vCPUs for ${[...vcpuFrom.values()].filter((q) => q === p).length} types from ${p.source.file}`);
  log(`no vCPUs for (${noVcpus.length}): ${noVcpus.join(' ')}`);
  const newest = vcpuPages[0];
  if (newest) {
    const branchDiffs = names.filter((t) => {
      const k = newest.types.get(t)?.podEni;
      const l = limits.types.get(t);
      return k !== undefined && k !== (l.trunking ? l.branch : 0);
    });
    if (branchDiffs.length)
      log(
        `branch ENIs differ from ${newest.source.file}'s pod-eni for (${branchDiffs.length}): ${branchDiffs.map((t) => `${t} ${limits.types.get(t).branch}/${newest.types.get(t).podEni}`).join(' ')}`,
      );
  }

  // Row: type enis ipv4PerEni hypervisor(n|x|-) bareMetal(0|1) branchEnis networkCards vcpus(- when unknown)
  const rows = names.map((type) => {
    const l = limits.types.get(type);
    const code = HYPERVISOR_CODE[l.hypervisor];
    if (code === undefined) fail(`${limits.source.file}: ${type} has an unknown hypervisor ${JSON.stringify(l.hypervisor)}`);
    const vcpus = vcpuFrom.get(type)?.types.get(type)?.vcpus;
    return [type, l.enis, l.ipv4PerEni, code, l.bareMetal ? 1 : 0, l.trunking ? l.branch : 0, l.networkCards, vcpus ?? '-'].join(' ');
  });

  const describe = (s) => `${s.name} ${s.file} @ ${s.commit} (${s.date}; file last changed in ${s.fileCommit.slice(0, 12)}, ${s.fileDate})`;
  const sourceLines = [
    `limits: ${describe(limits.source)}; generated at ${limits.generated ?? 'an unstated date'}`,
    ...(supplemented.length ? [`limits of types the above lacks: ${describe(cniLimits.source)}`] : []),
    `max-pods cross-check: ${describe(eniSource)}`,
    ...pagesUsed.map((p) => `vcpus: ${describe(p.source)}; the page states no generation date`),
  ];
  const text = [
    '// GENERATED by scripts/gen-instance-types.mjs: do not edit; run it again on newer checkouts (see docs/instance-types.md).',
    '// Sources (repository, file @ commit):',
    ...sourceLines.map((s) => `//   ${s}`),
    `// ${names.length} types. All ${checked} that eni-max-pods.txt also lists satisfy enis × (ipv4PerEni − 1) + 2 = its value;`,
    `// it lacks ${onlyInLimits.length ? onlyInLimits.join(' ') : 'none of them'}.${onlyInCni.length ? ` It lists ${onlyInCni.length} types not here: ${onlyInCni.join(' ')}.` : ''}`,
    ...(supplemented.length ? [`// From the VPC CNI's table, with 0 branch ENIs (the resource controller does not list them): ${supplemented.join(' ')}.`] : []),
    `// vCPUs are taken from the first page listed above that has the type; unknown for ${noVcpus.length}: ${noVcpus.join(' ') || 'none'}.`,
    '// Row: type enis ipv4PerEni hypervisor(n nitro, x xen, - none) bareMetal(0|1) branchEnis networkCards vcpus(- unknown)',
    '',
    `export const INSTANCE_DATA_SOURCES: readonly string[] = [\n${sourceLines.map((s) => `  ${JSON.stringify(s)},`).join('\n')}\n];`,
    '',
    `/** DescribeInstanceTypes as of this date (the limits file's own "generated at"). */`,
    `export const LIMITS_GENERATED_AT = '${limits.generated ?? ''}';`,
    '',
    `export const INSTANCE_ROWS = \`${rows.join('\n')}\`;`,
    '',
  ].join('\n');
  writeFileSync(out, text);
  log(`wrote ${out} (${text.length} bytes)`);
}

main(process.argv.slice(2));
