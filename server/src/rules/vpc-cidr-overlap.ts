import { defineRule, type RelatedPlace } from '../engine/rule';
import { effectiveVpcRanges } from '../network/model';
import { overlaps } from '../net/cidr';
import { type VpcFact } from '../workspace/facts';
import { sameVpc } from '../workspace/sameVpc';
import { compileGlob } from '../workspace/glob';
import type { ConnectedNetworks, EffectiveConfig } from '../engine/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentFacts, formatsWith, networkOf } from '../formats';
import type { LinkFact } from '../workspace/facts';

// Reported only between VPCs the workspace shows connected (see connectionsOf and
// formats/cloudformation/links.ts): VPCs that reuse a block and are never joined (separate accounts,
// alternative templates of a library, dev and prod) are normal.
//
// Two VPCs whose IPv4 blocks overlap cannot be peered, and a transit gateway cannot route between
// the overlapping parts (a route table holds one route per destination; the fix is NAT or renumbering).
// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html
// https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-quotas.html
//
// The VPCs compared are every VPC of the checked file's documents (other documents of the same
// stream, other VPCs of the same template) and of the other files of the workspace.
// eksctl's default block (192.168.0.0/16 when a config writes no `vpc.cidr`) is not compared: nobody
// chose it, and every pair of configs that leave the VPC to eksctl would be reported. Writing the
// block brings it under the rule.
// The same definition in two files (same name, blocks and subnets: a template kept as JSON and as
// YAML, a copied file) is one network described twice, not two VPCs.
// A reference to an existing VPC that writes exactly the same block as another VPC is taken to be
// that VPC (one config creates it, another uses it by `vpc.id`; two clusters share it), not a
// second VPC, so the pair is not reported.

/** At most this many other VPCs are named in one message; the related places list them all. */
const NAMED = 3;

export default defineRule({
  meta: {
    code: 'vpc-cidr-overlap',
    severity: 'warning',
    kinds: formatsWith('network'),
    title: 'Two VPCs that the workspace shows connected (peering, transit gateway, VPN, or the project file) have overlapping CIDR blocks',
    docs: 'docs/rules/vpc-cidr-overlap.md',
  },
  check({ doc, file, workspace, config, report }) {
    const { vpcs } = networkOf(doc);
    if (!vpcs.length) return;
    const own = documentFacts(file, doc).vpcs ?? [];
    const sameFileDocs = file.documents.filter((d) => !d.syntaxErrors.length).map((d) => documentFacts(file, d));
    const sameFile = sameFileDocs.flatMap((f) => f.vpcs ?? []);
    const otherFiles = workspace.others.flatMap((f) => f.vpcs ?? []);
    // Built only when some block overlaps: most workspaces have no overlap at all.
    let connection: Connections | undefined;
    const connections = () => (connection ??= connectionsOf(config, [...sameFileDocs.flatMap((f) => f.links ?? []), ...workspace.others.flatMap((f) => f.links ?? [])]));
    vpcs.forEach((vpc, i) => {
      const self = own[i];
      if (!self) return;
      for (const range of effectiveVpcRanges(vpc)) {
        if (!range.node) continue;
        // Overlap first (cheap), then identity, then connection; other files in a stable order,
        // whatever order the index learnt them in. Sorting only the hits keeps a large workspace
        // linear per file.
        const overlapping = (others: readonly VpcFact[]) =>
          others.flatMap((other) => {
            overlapStats.comparisons++;
            const touches = (c: VpcFact['cidrs'][number]) => !c.defaulted && overlaps(c.cidr, range.cidr);
            if (other === self || !other.cidrs.some(touches) || sameVpc(self, other)) return [];
            const connection = connections().between(self, other);
            return connection ? [{ other, blocks: other.cidrs.filter(touches), why: connection.why, refused: !!connection.refused }] : [];
          });
        const hits = [...overlapping(sameFile), ...overlapping(otherFiles).sort((a, b) => byPlace(a.other, b.other))];
        const target = range.node;
        if (!hits.length) continue;
        const named = hits
          .slice(0, NAMED)
          .map(({ other, blocks, why }) => `${blocks.map(blockText).join(' and ')} of ${vpcName(other)} in ${whereIs(other, file.uri, doc.index)} (connected by ${why})`);
        const more = hits.length - named.length;
        const list = more ? `${named.join('; ')}; and ${more} more connected VPC${more === 1 ? '' : 's'}` : named.length === 2 ? named.join(' and ') : named.join('; ');
        const related: RelatedPlace[] = hits.flatMap(({ other, blocks }) => blocks.map((b) => ({ uri: b.uri, range: b.range, message: `block ${blockText(b)} of ${vpcName(other)}` })));
        // An error when a peering connection of the workspace joins them: AWS fails that request.
        // Otherwise everything deploys, and only the routing is wrong: the rule's warning.
        const refused = hits.some((h) => h.refused);
        report({
          target,
          message: `${range.label} ${range.text} overlaps ${list}. A peering connection between VPCs with overlapping blocks fails, and a transit gateway or VPN cannot route the shared addresses to both without NAT. Give each connected VPC its own block.`,
          related,
          ...(refused ? { severity: 'error' as const } : {}),
        });
      }
    });
  },
});

/** Work done by the rule, for tests that bound it (never timed). */
export const overlapStats = { comparisons: 0, links: 0 };

interface Connection {
  /** Why the two VPCs are taken to be connected, in words for the message. */
  readonly why: string;
  /** AWS refuses the connection itself: a peering request between overlapping VPCs fails. */
  readonly refused?: boolean;
}

interface Connections {
  /** How two VPCs are connected, or undefined when they are not. */
  between(a: VpcFact, b: VpcFact): Connection | undefined;
}

/**
 * Which VPCs share a routed network: the project file's `connectedNetworks` (all, or groups of
 * files), a non-empty `reservedCidrs` when `connectedNetworks` is not written (the VPCs reach those
 * networks, so those networks reach all of them), and the links templates declare (peering,
 * transit gateway, VPN). Cost: one pass over the links, then constant work per pair asked about
 * (plus one glob match per file and group, remembered).
 */
function connectionsOf(config: EffectiveConfig, links: readonly LinkFact[]): Connections {
  const declared = config.connectedNetworks;
  if (declared && 'all' in declared) return { between: () => ({ why: 'connectedNetworks: all in the project file' }) };
  if (!declared && config.reservedCidrs.length) return { between: () => ({ why: 'the networks in reservedCidrs, which every VPC of the workspace is taken to reach' }) };
  const networksOf = new Map<string, Map<string, string>>();
  for (const link of links) {
    overlapStats.links++;
    let networks = networksOf.get(link.vpc);
    if (!networks) networksOf.set(link.vpc, (networks = new Map()));
    if (!networks.has(link.network)) networks.set(link.network, link.label);
  }
  const groupsOf = groupMembership(declared);
  return {
    between(a, b) {
      let found: Connection | undefined;
      for (const x of a.identities ?? []) {
        const networks = networksOf.get(x);
        if (!networks) continue;
        for (const y of b.identities ?? []) {
          for (const network of networksOf.get(y)?.keys() ?? []) {
            if (!networks.has(network)) continue;
            // A peering connection is the strongest evidence: AWS fails it outright.
            if (network.startsWith('peering:')) return { why: networks.get(network)!, refused: true };
            found ??= { why: networks.get(network)! };
          }
        }
      }
      if (found) return found;
      const shared = groupsOf(a.uri).find((g) => groupsOf(b.uri).includes(g));
      return shared === undefined ? undefined : { why: `network ${shared} of connectedNetworks in the project file` };
    },
  };
}

/** The connectedNetworks groups a file belongs to, by its path relative to the project file's folder. */
function groupMembership(declared: ConnectedNetworks | undefined): (uri: string) => readonly string[] {
  if (!declared || !('groups' in declared) || !declared.groups.length) return () => [];
  const groups = declared.groups.map((g) => ({
    name: g.name,
    matchers: g.globs.flatMap((glob) => {
      const c = compileGlob(glob);
      return c.ok ? [c.matcher] : [];
    }),
  }));
  const base = declared.base ?? process.cwd();
  const known = new Map<string, readonly string[]>();
  return (uri) => {
    let names = known.get(uri);
    if (!names) {
      const rel = relativeTo(base, uri);
      names = rel === undefined ? [] : groups.filter((g) => g.matchers.some((m) => m.test(rel))).map((g) => g.name);
      known.set(uri, names);
    }
    return names;
  };
}

/** A file's path relative to `base`, `/`-separated; undefined when it is outside `base`. */
function relativeTo(base: string, uri: string): string | undefined {
  let file: string;
  try {
    file = uri.startsWith('file:') ? fileURLToPath(uri) : path.resolve(uri);
  } catch {
    return undefined;
  }
  const rel = path.relative(base, file);
  if (rel === '' || rel.split(path.sep)[0] === '..' || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

function byPlace(a: VpcFact, b: VpcFact): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function blockText(block: VpcFact['cidrs'][number]): string {
  return block.defaulted ? `${block.cidr.text} (eksctl's default)` : block.cidr.text;
}

function vpcName(vpc: VpcFact): string {
  if (vpc.name.startsWith('VPC of document ')) return vpc.name;
  // A template's VPC is named by its logical ID, which is often just `VPC`.
  return vpc.source === 'eksctl' ? `the VPC of cluster ${vpc.name}` : `resource ${vpc.name}`;
}

/**
 * Where another VPC is, for the message: a place in this file, or the other file's path relative to
 * this file's folder (a library holds many `vpc.yaml` files, so a bare file name is ambiguous).
 */
function whereIs(vpc: VpcFact, uri: string, docIndex: number): string {
  if (vpc.uri === uri) return vpc.document === docIndex ? 'this document' : `document ${vpc.document + 1} of this file`;
  const to = segments(vpc.uri);
  const from = segments(uri).slice(0, -1);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const ups = from.length - common;
  // Far apart (another workspace folder, or no shared folder at all): the last two segments.
  if (common === 0 || ups > 3) return to.slice(-2).join('/');
  return [...Array<string>(ups).fill('..'), ...to.slice(common)].join('/');
}

function segments(uri: string): string[] {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return path
    .split(/[\\/]/)
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}
