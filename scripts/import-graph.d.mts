// Types of import-graph.mjs for the TypeScript that imports it (test/architecture.test.ts).
export interface ImportRecord {
  /** Path relative to the source root, with `/`. */
  readonly file: string;
  /** Its graph node: the top folder, or the file's name without extension for a file at the top. */
  readonly node: string;
  /** Graph nodes its relative imports reach inside the root. */
  readonly local: readonly string[];
  /** Absolute paths its relative imports reach outside the root. */
  readonly outside: readonly string[];
  /** Packages it imports (`@scope/name`, `name`, `node:…`). */
  readonly packages: readonly string[];
}
export interface Edge {
  count: number;
  files: Set<string>;
}
export type Graph = Map<string, Map<string, Edge>>;
export interface Cycle {
  readonly members: string[];
  readonly path: string[];
}
export function listSources(dir: string, options?: { skipTests?: boolean }): string[];
export function importSpecifiers(text: string): string[];
export function resolveRelative(fromFile: string, spec: string): string;
export function packageOf(spec: string): string;
export function readImports(srcRoot: string, options?: { skipTests?: boolean }): ImportRecord[];
export function nodeOf(rel: string): string;
export function folderGraph(records: readonly ImportRecord[]): Graph;
export function findCycles(graph: Map<string, Iterable<string> | Map<string, unknown>>): Cycle[];
export function formatGraph(graph: Graph): string[];
export function formatCycles(graph: Graph, cycles: readonly Cycle[]): string[];
export const PROTOCOL_NODES: string[];
export const LAYERS: string[][];
export function layerOf(node: string): number | undefined;
export function isEditorPackage(pkg: string): boolean;
export const ANALYSIS_PACKAGES: string[];
export const NETWORK_OR_EXEC_PACKAGES: string[];
export function isProtocolModule(repoRelative: string): boolean;
export function architectureProblems(input: { server?: readonly ImportRecord[]; client?: readonly ImportRecord[]; repoRoot?: string }): string[];
