// Effective configuration of a check: built from defaults, the editor's settings, the project
// file `.eks-lens.yaml`, and command-line flags, later sources winning. The CLI and the server
// share this code so that the editor and CI agree.
import { isMap, isSeq, parseDocument } from 'yaml';
import { SEVERITIES, type Severity } from './rule';
import { parseCidr } from '../net/cidr';
import { compileGlob } from '../workspace/glob';

/**
 * The project file's `connectedNetworks`: which VPCs of the workspace share one routed network
 * (so overlapping blocks matter; see vpc-cidr-overlap). `all`, or named groups of file globs,
 * relative to `base` (the folder of the project file; the working directory when unknown).
 */
export type ConnectedNetworks =
  | { readonly all: true; readonly base?: string }
  | { readonly groups: ReadonlyArray<{ readonly name: string; readonly globs: readonly string[] }>; readonly base?: string };

export type RuleSetting = Severity | 'off';

export interface EffectiveConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Target Kubernetes minor version as `1.NN`, when set. */
  readonly kubernetesVersion?: string;
  readonly reservedCidrs: readonly string[];
  /** The cluster's Service IP range, when the user states it (else eksctl configs in the workspace tell). */
  readonly serviceCidr?: string;
  readonly maxFileBytes?: number;
  /** At most this many findings per file (the engine's default when unset); see too-many-findings. */
  readonly maxFindingsPerFile?: number;
  readonly connectedNetworks?: ConnectedNetworks;
}

export const PROJECT_FILE = '.eks-lens.yaml';

export interface PartialConfig {
  rules?: Record<string, RuleSetting>;
  kubernetesVersion?: string;
  reservedCidrs?: string[];
  serviceCidr?: string;
  maxFileBytes?: number;
  maxFindingsPerFile?: number;
  connectedNetworks?: ConnectedNetworks;
}

export const DEFAULT_CONFIG: EffectiveConfig = { rules: {}, reservedCidrs: [] };

export function mergeConfig(...layers: Array<PartialConfig | undefined>): EffectiveConfig {
  let rules: Record<string, RuleSetting> = {};
  let kubernetesVersion: string | undefined;
  let reservedCidrs: string[] = [];
  let maxFileBytes: number | undefined;
  let serviceCidr: string | undefined;
  let maxFindingsPerFile: number | undefined;
  let connectedNetworks: ConnectedNetworks | undefined;
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.rules) rules = { ...rules, ...layer.rules };
    if (layer.kubernetesVersion) kubernetesVersion = layer.kubernetesVersion;
    if (layer.reservedCidrs?.length) reservedCidrs = [...layer.reservedCidrs];
    if (layer.maxFileBytes) maxFileBytes = layer.maxFileBytes;
    if (layer.serviceCidr) serviceCidr = layer.serviceCidr;
    if (layer.maxFindingsPerFile) maxFindingsPerFile = layer.maxFindingsPerFile;
    if (layer.connectedNetworks) connectedNetworks = layer.connectedNetworks;
  }
  return {
    rules,
    kubernetesVersion,
    reservedCidrs,
    serviceCidr,
    maxFileBytes,
    ...(maxFindingsPerFile ? { maxFindingsPerFile } : {}),
    ...(connectedNetworks ? { connectedNetworks } : {}),
  };
}

export function isRuleSetting(value: unknown): value is RuleSetting {
  return value === 'off' || (SEVERITIES as readonly unknown[]).includes(value);
}

export function isKubernetesVersion(value: unknown): value is string {
  return typeof value === 'string' && /^1\.\d{1,2}$/.test(value);
}

/**
 * Reads settings in the shape of the `eksLens.*` configuration (as VS Code sends them), keeping
 * what is valid and describing what is not.
 */
export function configFromSettings(settings: unknown): { config: PartialConfig; problems: string[] } {
  const problems: string[] = [];
  const config: PartialConfig = {};
  if (!settings || typeof settings !== 'object') return { config, problems };
  const s = settings as Record<string, unknown>;
  if (s.rules && typeof s.rules === 'object') {
    config.rules = {};
    for (const [code, value] of Object.entries(s.rules as Record<string, unknown>)) {
      if (isRuleSetting(value)) config.rules[code] = value;
      else problems.push(`rules.${code}: "${String(value)}" is not one of error, warning, information, hint, off`);
    }
  }
  if (s.kubernetesVersion !== undefined && s.kubernetesVersion !== null && s.kubernetesVersion !== '') {
    const v = String(s.kubernetesVersion);
    if (isKubernetesVersion(v)) config.kubernetesVersion = v;
    else problems.push(`kubernetesVersion: "${v}" is not a version like 1.31`);
  }
  if (Array.isArray(s.reservedCidrs)) {
    config.reservedCidrs = [];
    for (const c of s.reservedCidrs) {
      const parsed = parseCidr(String(c));
      if (parsed.ok) config.reservedCidrs.push(String(c));
      else problems.push(`reservedCidrs: ${parsed.reason}`);
    }
  }
  if (s.serviceCidr !== undefined && s.serviceCidr !== null && s.serviceCidr !== '') {
    const parsed = parseCidr(String(s.serviceCidr));
    if (parsed.ok) config.serviceCidr = String(s.serviceCidr);
    else problems.push(`serviceCidr: ${parsed.reason}`);
  }
  if (typeof s.maxFileSizeMB === 'number' && s.maxFileSizeMB > 0) config.maxFileBytes = Math.round(s.maxFileSizeMB * 1024 * 1024);
  if (s.maxFindingsPerFile !== undefined && s.maxFindingsPerFile !== null) {
    const n = s.maxFindingsPerFile;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1) config.maxFindingsPerFile = n;
    else problems.push(`maxFindingsPerFile: "${String(n)}" is not a whole number of at least 1`);
  }
  return { config, problems };
}

/** Parses the text of `.eks-lens.yaml`. Problems are returned, never thrown. */
export function parseProjectFile(text: string): { config: PartialConfig; problems: string[] } {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) return { config: {}, problems: doc.errors.map((e) => `not valid YAML: ${e.message}`) };
  if (doc.contents === null) return { config: {}, problems: [] };
  const keys = 'rules, kubernetesVersion, reservedCidrs, serviceCidr, connectedNetworks, maxFileSizeMB, maxFindingsPerFile';
  if (!isMap(doc.contents)) return { config: {}, problems: [`the file must be a mapping with keys ${keys}`] };
  const known = new Set(keys.split(', '));
  const problems: string[] = [];
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown })?.value);
    if (!known.has(key)) problems.push(`unknown key "${key}" (expected ${keys})`);
  }
  const reserved = doc.get('reservedCidrs');
  if (reserved !== undefined && !isSeq(reserved)) problems.push('reservedCidrs must be a list of CIDR blocks');
  // Small, alias-free configuration: converting it to plain data is safe and bounded.
  const plain = doc.toJS({ maxAliasCount: 10 }) as Record<string, unknown>;
  // `kubernetesVersion: 1.30` is a YAML number (1.3): take the digits as written.
  const version = doc.get('kubernetesVersion', true) as { source?: string } | undefined;
  if (version?.source) plain.kubernetesVersion = version.source;
  const fromSettings = configFromSettings(plain);
  const config: PartialConfig = fromSettings.config;
  if ('connectedNetworks' in plain) {
    const read = readConnectedNetworks(plain.connectedNetworks);
    if (read.value) config.connectedNetworks = read.value;
    problems.push(...read.problems);
  }
  return { config, problems: [...problems, ...fromSettings.problems] };
}

/** At most this many groups, and globs per group: a project file is small. */
const MAX_NETWORK_GROUPS = 100;
const MAX_GLOBS_PER_GROUP = 200;

/**
 * `connectedNetworks: all`, or a mapping of group names to a file glob or a list of them. Invalid
 * globs are left out with a problem; a value of another shape is ignored with a problem.
 */
export function readConnectedNetworks(value: unknown): { value?: ConnectedNetworks; problems: string[] } {
  const shape = 'connectedNetworks must be "all" or a mapping of network names to lists of file globs (e.g. prod: [network/*.yaml, clusters/prod-*.yaml])';
  if (value === 'all') return { value: { all: true }, problems: [] };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problems: [`${shape}; it is ignored`] };
  const problems: string[] = [];
  const groups: Array<{ name: string; globs: string[] }> = [];
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (groups.length === MAX_NETWORK_GROUPS) {
      problems.push(`connectedNetworks: more than ${MAX_NETWORK_GROUPS} networks; the rest are ignored`);
      break;
    }
    const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : undefined;
    if (!list) {
      problems.push(`connectedNetworks.${name}: must be a file glob or a list of them; it is ignored`);
      continue;
    }
    const globs: string[] = [];
    for (const glob of list.slice(0, MAX_GLOBS_PER_GROUP)) {
      const compiled = typeof glob === 'string' && glob !== '' ? compileGlob(glob) : { ok: false as const, reason: 'not a non-empty text' };
      if (compiled.ok) globs.push(glob as string);
      else problems.push(`connectedNetworks.${name}: "${String(glob).slice(0, 100)}" is not a usable glob (${compiled.reason}); it is ignored`);
    }
    if (list.length > MAX_GLOBS_PER_GROUP) problems.push(`connectedNetworks.${name}: more than ${MAX_GLOBS_PER_GROUP} globs; the rest are ignored`);
    groups.push({ name, globs });
  }
  return { value: { groups }, problems };
}
