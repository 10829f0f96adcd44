// eks-lens check: the same engine as the editor, for CI. Exit codes: 0 no error-severity finding,
// 1 at least one, 2 bad usage, unreadable input or output that cannot be written.
import { existsSync, fstatSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isKubernetesVersion, isRuleSetting, mergeConfig, PROJECT_FILE, type PartialConfig, type RuleSetting } from '../engine/config';
import { findProjectConfig, readProjectConfig } from '../engine/projectConfig';
import { allRules, ruleByCode } from '../rules/index';
import { checkFile } from '../engine/run';
import { DEFAULT_MAX_FILE_BYTES, type FileModel } from '../model/document';
import { parseCidr } from '../net/cidr';
import { WorkspaceIndex } from '../workspace/index';
import { VERSION } from '../version';
import { formatJson, formatSarif, formatText, type FileResult } from './formats';
import { expandPaths, type Target } from '../workspace/walk';
import { buildAddressMap } from '../map/model';
import { renderSvg } from '../map/svg';
import { renderHtml } from '../map/html';
import type { ServiceCidrFact, VpcFact } from '../workspace/facts';
import { readDescriptor, readRegularFile, type ReadResult } from '../workspace/readFile';
import { visible, visibleDocument } from './visible';
import { asksForHelp, readArgs, requirePaths, UsageError, type OptionSpec } from './args';
import { buildFileModel, factsOf, formatFor } from '../formats';
import { capacityReport, formatCapacityText } from './capacity';

const USAGE = `Usage: eks-lens check [options] PATH...
       eks-lens map [--format svg|html] [--output FILE] [--config FILE|--no-config] PATH...
       eks-lens capacity [--format text|json] [--config FILE|--no-config] PATH...

Checks eksctl ClusterConfigs, CloudFormation templates and Kubernetes manifests.
PATH is a file, a directory (walked for *.yaml, *.yml and CloudFormation *.json), or - for stdin.

Options:
  --format text|json|sarif      output format (default: text)
  --kubernetes-version X.Y      target Kubernetes version for version-dependent rules
  --service-cidr CIDR           the cluster's Service IP range, for Service clusterIP checks
  --rule CODE=SEVERITY|off      override a rule (repeatable); SEVERITY is error, warning, information or hint
  --config FILE                 read this project file instead of the checked tree's .eks-lens.yaml
  --no-config                   ignore .eks-lens.yaml
  --docs-url URL                base URL of the rule pages in SARIF output (default: the pages shipped with eks-lens)
  --no-color                    never colour text output
  -h, --help                    show this help
  -v, --version                 show the version

Exit status: 0 no errors, 1 errors found, 2 bad usage, unreadable input or failed output.

Project file: without --config, .eks-lens.yaml is looked for in the deepest folder holding every
PATH (a file's folder; - counts as the working directory), then in its parent folders up to the
repository root (the first folder holding .git). Outside a Git repository only that first folder
is looked in. The file must be a regular file of at most 1 MB, and a link must not lead out of the
repository (or, outside one, out of that folder). Text output and maps say on stderr which
project file is used; JSON output has it as "projectFile", SARIF as the run's properties.projectFile.

eks-lens map draws each VPC's address space (blocks, subnets to scale, free blocks, overlaps,
reserved ranges from the project file and service CIDRs) as a standalone SVG or HTML page.
  --format svg|html             output format (default: svg)
  -o, --output FILE             write to FILE instead of standard output
Exit status: 0 written (also when no VPC is found), 2 bad usage, unreadable input or failed output.

eks-lens capacity simulates pod address demand for each eksctl ClusterConfig: per subnet its
usable addresses, demand at full scale by consumer, headroom, the first scale event that exhausts
a subnet, and levers (prefix delegation, a custom-networking pod tier, a larger subnet), each
re-run through the model. CloudFormation templates have no cluster model yet and are skipped.
  --format text|json            output format (default: text)
Exit status: 0 every subnet fits (or the result is unknown), 1 a subnet is exhausted at full
scale, 2 bad usage or unreadable input.`;

interface Options {
  format: 'text' | 'json' | 'sarif';
  kubernetesVersion?: string;
  serviceCidr?: string;
  rules: Record<string, RuleSetting>;
  config?: string;
  noConfig: boolean;
  docsUrl?: string;
  colour: boolean;
  paths: string[];
}

const CHECK_OPTIONS = {
  format: { type: 'string' },
  'kubernetes-version': { type: 'string' },
  'service-cidr': { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  'docs-url': { type: 'string' },
  'no-color': { type: 'boolean' },
  'no-colour': { type: 'boolean' },
} as const satisfies Record<string, OptionSpec>;

function parseCheckArgs(args: string[]): Options {
  const { values, paths } = readArgs(args, CHECK_OPTIONS);
  const options: Options = { format: 'text', rules: {}, noConfig: !!values['no-config'], colour: !!process.stdout.isTTY && !process.env.NO_COLOR, paths };
  if (values.format !== undefined) {
    const f = values.format;
    if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
    options.format = f;
  }
  if (values['kubernetes-version'] !== undefined) {
    const v = values['kubernetes-version'];
    if (!isKubernetesVersion(v)) throw new UsageError(`--kubernetes-version takes a version like 1.31, not "${v}"`);
    options.kubernetesVersion = v;
  }
  if (values['service-cidr'] !== undefined) {
    const v = values['service-cidr'];
    const parsed = parseCidr(v);
    if (!parsed.ok) throw new UsageError(`--service-cidr: ${parsed.reason}`);
    options.serviceCidr = v;
  }
  for (const spec of values.rule ?? []) {
    const [code, setting] = spec.split('=');
    if (!code || setting === undefined) throw new UsageError(`--rule takes CODE=SEVERITY or CODE=off, not "${spec}"`);
    if (!ruleByCode(code)) throw new UsageError(`--rule: unknown rule "${code}" (rules: ${allRules.map((r) => r.meta.code).join(', ')})`);
    if (!isRuleSetting(setting)) throw new UsageError(`--rule ${code}: "${setting}" is not error, warning, information, hint or off`);
    options.rules[code] = setting;
  }
  options.config = values.config;
  options.docsUrl = values['docs-url'];
  if (values['no-color'] || values['no-colour']) options.colour = false;
  requirePaths(paths);
  return options;
}

/** A message on standard error; workspace text in it (file names, values) is made harmless. */
function warn(message: string): void {
  process.stderr.write(`eks-lens: ${visible(message)}\n`);
}

/** True when `file` is this process's standard input (`/dev/stdin`, `/dev/fd/0`, `/proc/self/fd/0`). */
function isStandardInput(file: string): boolean {
  try {
    const named = statSync(file);
    const stdin = fstatSync(0);
    return named.dev === stdin.dev && named.ino === stdin.ino && !stdin.isFile();
  } catch {
    return false;
  }
}

/**
 * One input: `-` (or a name for standard input) is read from standard input; anything else only
 * when it is a regular file, so a FIFO or device named in the workspace cannot hang the check.
 */
function readInput(target: Target, maxBytes: number): ReadResult {
  if (target.path === '-' || (target.explicit && isStandardInput(target.path))) return readDescriptor(0, maxBytes);
  return readRegularFile(target.path, maxBytes);
}

/** A path as the user would write it: relative to the working directory when inside it. */
function shownPath(file: string): string {
  const full = path.resolve(file);
  const rel = path.relative(process.cwd(), full);
  return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel) ? rel : full;
}

/**
 * The project file: `--config FILE`, else the `.eks-lens.yaml` of the checked tree (see
 * `findProjectConfig`), none with `--no-config`. A number is the exit status when an explicit file
 * cannot be used. `announce`: say on stderr which file is used (text output, maps).
 */
function loadProjectConfig(options: { config?: string; noConfig?: boolean; paths: readonly string[] }, announce: boolean): { config?: PartialConfig; file?: string } | number {
  if (options.noConfig) return {};
  if (options.config !== undefined) {
    // Named by the user: read wherever it is, but only as a regular file of at most 1 MB.
    const loaded = readProjectConfig(options.config);
    if (loaded.status !== 'read') {
      warn(`${options.config}: ${loaded.problems.join('; ')}`);
      return 2;
    }
    return accept(options.config, loaded.problems, announce, loaded.config);
  }
  const search = findProjectConfig(options.paths);
  if (!search.file) {
    const here = path.join(process.cwd(), PROJECT_FILE);
    if (!search.searched.includes(process.cwd()) && existsSync(here)) {
      const top = search.searched[0] ? shownPath(search.searched[0]) : 'the checked paths';
      warn(
        `note: ${PROJECT_FILE} in the working directory is not used: the project file is looked for from the top folder of the checked paths (${top}) up to its repository root, and outside a repository in that folder only; pass --config ${PROJECT_FILE} to use it`,
      );
    }
    return {};
  }
  // Found: followed links must stay inside the repository (or the checked tree outside one).
  const loaded = readProjectConfig(search.file, { root: search.root, rootName: search.repository ? 'repository' : 'checked folder' });
  const shown = shownPath(search.file);
  if (loaded.status !== 'read') {
    for (const problem of loaded.problems) warn(`${shown}: ${problem}`);
    return {};
  }
  return accept(shown, loaded.problems, announce, loaded.config);
}

function accept(shown: string, problems: readonly string[], announce: boolean, config: PartialConfig): { config: PartialConfig; file: string } {
  if (announce) warn(`using project file ${shown}`);
  for (const problem of problems) warn(`${shown}: ${problem}`);
  return { config, file: shown };
}

/**
 * Reads and parses every file the paths name; what cannot be read is listed, not thrown. A file
 * over the size limit is not read at all: its model says why it was not checked.
 */
function readModels(paths: readonly string[], maxBytes = DEFAULT_MAX_FILE_BYTES): { models: FileModel[]; unreadable: string[] } {
  const { targets, unreadable } = expandPaths([...paths]);
  const models: FileModel[] = [];
  for (const target of targets) {
    const read = readInput(target, maxBytes);
    if (read.kind === 'notRegular') {
      // The walk takes only regular files; one that became something else since is skipped too.
      if (target.explicit) unreadable.push(`${target.path}: it is ${read.what}, not a regular file`);
      continue;
    }
    if (read.kind === 'error') {
      unreadable.push(`${target.path}: ${read.message}`);
      continue;
    }
    const shown = target.path === '-' ? '<stdin>' : target.path;
    const model = read.kind === 'text' ? buildFileModel({ uri: shown, text: read.text, maxBytes }) : buildFileModel({ uri: shown, text: '', maxBytes, size: read.bytes });
    // Walked JSON files are ours only when a format written in JSON (CloudFormation) claims them.
    if (model.format === 'json' && !target.explicit && !model.documents.some((d) => formatFor(d.kind)?.json)) continue;
    models.push(model);
  }
  return { models, unreadable };
}

export function runCheck(args: string[]): number {
  const options = parseCheckArgs(args);
  const project = loadProjectConfig(options, options.format === 'text');
  if (typeof project === 'number') return project;
  const config = mergeConfig(project.config, { rules: options.rules, kubernetesVersion: options.kubernetesVersion, serviceCidr: options.serviceCidr });

  // Read and parse everything first: a file's checks may depend on what the others declare
  // (an eksctl service CIDR, a workload a PodDisruptionBudget selects, another VPC).
  const { models, unreadable } = readModels(options.paths, config.maxFileBytes);
  const index = new WorkspaceIndex();
  for (const model of models) index.set(model.uri, factsOf(model));
  const results: FileResult[] = models.map((model) => ({
    path: model.uri,
    findings: checkFile(model, {
      rules: allRules,
      config,
      workspace: index.viewFrom(model.uri),
      onRuleError: (code, error) => warn(`internal error in rule ${code} on ${model.uri}: ${String(error)}`),
    }),
  }));

  const rules = allRules.filter((r) => config.rules[r.meta.code] !== 'off');
  if (options.format === 'json') process.stdout.write(formatJson(results, { projectFile: project.file }) + '\n');
  else if (options.format === 'sarif') process.stdout.write(formatSarif(results, rules, options.docsUrl, { projectFile: project.file }) + '\n');
  else process.stdout.write(formatText(results, options.colour) + '\n');

  for (const problem of unreadable) warn(`cannot read ${problem}`);
  if (unreadable.length) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

interface MapOptions {
  format: 'svg' | 'html';
  output?: string;
  config?: string;
  noConfig: boolean;
  paths: string[];
}

const MAP_OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
} as const satisfies Record<string, OptionSpec>;

function parseMapArgs(args: string[]): MapOptions {
  const { values, paths } = readArgs(args, MAP_OPTIONS, 'map: ');
  const format = values.format ?? 'svg';
  if (format !== 'svg' && format !== 'html') throw new UsageError(`map: --format must be svg or html, not "${format}"`);
  requirePaths(paths, 'map: ');
  return { format, output: values.output, config: values.config, noConfig: !!values['no-config'], paths };
}

/** eks-lens map: the address map of every VPC in the given files, as SVG or HTML. */
export function runMap(args: string[]): number {
  const options = parseMapArgs(args);
  const project = loadProjectConfig(options, true);
  if (typeof project === 'number') return project;
  const config = mergeConfig(project.config, {});
  const { models, unreadable } = readModels(options.paths, config.maxFileBytes);
  const vpcs: VpcFact[] = [];
  const serviceCidrs: ServiceCidrFact[] = [];
  for (const model of models) {
    const facts = factsOf(model);
    vpcs.push(...(facts.vpcs ?? []));
    serviceCidrs.push(...facts.serviceCidrs);
  }
  const source = project.file ? `reserved in ${project.file}` : 'reserved';
  const map = buildAddressMap({ vpcs, serviceCidrs, reserved: config.reservedCidrs.map((cidr) => ({ cidr, label: source })) });
  const title = 'VPC address map';
  // VPC names and file names are escaped for XML, but C1 controls are legal XML and would still
  // act on a terminal the SVG is printed to; they are written as visible escapes.
  const output = visibleDocument(options.format === 'html' ? renderHtml(map, { title }) : renderSvg(map, { title }));
  for (const problem of unreadable) warn(`cannot read ${problem}`);
  if (options.output) {
    try {
      writeFileSync(options.output, output);
    } catch (error) {
      warn(`cannot write ${options.output}: ${(error as Error).message}`);
      return 2;
    }
  } else process.stdout.write(output);
  return unreadable.length ? 2 : 0;
}

const CAPACITY_OPTIONS = {
  format: { type: 'string' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
} as const satisfies Record<string, OptionSpec>;

/** eks-lens capacity: the pod address simulator (cli/capacity.ts), with check's file walking and project file. */
export function runCapacity(args: string[]): number {
  const { values, paths } = readArgs(args, CAPACITY_OPTIONS, 'capacity: ');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`capacity: --format must be text or json, not "${format}"`);
  requirePaths(paths, 'capacity: ');
  const options = { config: values.config, noConfig: !!values['no-config'], paths };
  const project = loadProjectConfig(options, format === 'text');
  if (typeof project === 'number') return project;
  const config = mergeConfig(project.config, {});
  const { models, unreadable } = readModels(options.paths, config.maxFileBytes);
  const index = new WorkspaceIndex();
  for (const model of models) index.set(model.uri, factsOf(model));
  const report = capacityReport(models, index);
  if (format === 'json') process.stdout.write(JSON.stringify(project.file ? { ...report, projectFile: project.file } : report, null, 2) + '\n');
  else process.stdout.write(visibleDocument(formatCapacityText(report)) + '\n');
  for (const problem of unreadable) warn(`cannot read ${problem}`);
  if (unreadable.length) return 2;
  return report.exhausted ? 1 : 0;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    if (command === '-h' || command === '--help' || command === 'help' || command === undefined) {
      (command === undefined ? process.stderr : process.stdout).write(USAGE + '\n');
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command !== 'check' && command !== 'map' && command !== 'capacity') throw new UsageError(`unknown command "${command}"`);
    if (asksForHelp(rest)) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    return command === 'map' ? runMap(rest) : command === 'capacity' ? runCapacity(rest) : runCheck(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`eks-lens: ${visible(error.message)}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`eks-lens: ${((error as Error).stack ?? String(error)).split('\n').map(visible).join('\n')}\n`);
    return 2;
  }
}

/**
 * What a failed write to standard output does. Node reports it as an 'error' event, normally after
 * main() has returned and set the status, so the handler decides the final status:
 * - EPIPE (the reader went away, as `eks-lens check . | head -1` does): end quietly with the status
 *   the check already has, as most command-line tools do; the reader chose to stop reading.
 * - anything else (ENOSPC on a full disk, EIO): the output is incomplete, which the caller must
 *   know: one message on standard error and status 2.
 */
function handleOutputErrors(stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): { failed: boolean } {
  const state = { failed: false };
  let reported = false;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (reported) return;
    reported = true;
    if (error.code === 'EPIPE') return;
    state.failed = true;
    process.exitCode = 2;
    stderr.write(`eks-lens: cannot write the output: ${error.message}\n`);
  });
  // Standard error closed too: nothing more can be said, and no stack trace either.
  stderr.on('error', () => undefined);
  return state;
}

if (require.main === module) {
  const output = handleOutputErrors(process.stdout, process.stderr);
  const code = main(process.argv.slice(2));
  // The status is set, not exited with: pending output (large JSON into a pipe) drains first, and a
  // write error reported meanwhile still changes it.
  process.exitCode = output.failed ? 2 : code;
}
