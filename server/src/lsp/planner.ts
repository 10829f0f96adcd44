// The two requests behind the "Plan subnets" command: defaults for the VPC under the cursor, and
// the planned layout as a WorkspaceEdit. The client asks the user in between; all the reasoning
// (which VPC, what defaults, the layout and where it goes in the file) stays here.
import { plannableVpcAt } from '../actions/index';
import { planInsertion, planWriterFor } from '../actions/planInsert';
import { networkOf } from '../formats';
import { defaultPrefixes, planSubnets, TIERS, type Tier } from '../actions/planner';
import type { FileModel } from '../model/document';
import { isAwsRegion } from '../network/zones';
import type { PlanDefaults, PlanError, PlannedSubnets, PlanSubnetsParams } from '../protocol';

const TIER_TEXT: Record<Tier, { label: string; description: string }> = {
  public: { label: 'public', description: 'a route to an internet gateway: load balancers, NAT gateways' },
  private: { label: 'private', description: 'outbound through NAT only: nodes and pods' },
  vpn: { label: 'VPN-only', description: 'reached only through a VPN or Direct Connect' },
};

export function planDefaults(file: FileModel, offset: number | undefined): PlanDefaults | PlanError {
  const at = offset === undefined ? undefined : file.lines.positionAt(offset).line;
  const vpc = plannableVpcAt(file, at ?? 0, at ?? Number.MAX_SAFE_INTEGER) ?? plannableVpcAt(file, 0, Number.MAX_SAFE_INTEGER);
  if (!vpc) return { error: 'no VPC block without subnets in this file: put the cursor on an eksctl vpc.cidr or a CloudFormation VPC CidrBlock' };
  if (vpc.cidr.family !== 4) return { error: `${vpc.cidr.text} is not an IPv4 block the planner can divide` };
  const written = networkOf(vpc.doc).cluster?.region;
  // A placeholder region (`${AWS_REGION}`) gives no zone names; the user edits the suggestion.
  const region = isAwsRegion(written) ? written : 'us-east-1';
  const azs = ['a', 'b', 'c'].map((z) => `${region}${z}`);
  const tiers = (planWriterFor(vpc.doc.kind)?.tiers ?? TIERS).map((tier) => ({ tier, ...TIER_TEXT[tier], picked: tier !== 'vpn' }));
  const prefixes = defaultPrefixes(vpc.cidr.prefix, azs.length);
  return { offset: vpc.offset, vpc: vpc.cidr.text, azs, tiers, sizes: tiers.map((t) => `${t.tier}=/${prefixes[t.tier]}`).join(', ') };
}

export function planEdit(file: FileModel, uri: string, params: Pick<PlanSubnetsParams, 'offset' | 'azs' | 'tiers' | 'sizes'>): PlannedSubnets | PlanError {
  const vpc = plannableVpcAt(file, file.lines.positionAt(params.offset).line, file.lines.positionAt(params.offset).line);
  if (!vpc) return { error: 'the VPC block has changed or has subnets now; run the command again' };
  const text = vpc.cidr.text;
  const prefixes: Partial<Record<Tier, number>> = {};
  for (const part of params.sizes
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(public|private|vpn|VPN-only)\s*=\s*\/?(\d{1,2})$/i.exec(part);
    if (!m) return { error: `"${part}" is not a size like private=/19` };
    prefixes[(m[1].toLowerCase() === 'vpn-only' ? 'vpn' : m[1].toLowerCase()) as Tier] = Number(m[2]);
  }
  const azs = params.azs
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const plan = planSubnets({ vpc: text, azs, tiers: params.tiers, prefixes });
  if (!plan.ok) return { error: plan.reason };
  const inserted = planInsertion(file, vpc.doc, plan.subnets, { vpcCidr: text, ...(vpc.logicalId ? { vpcLogicalId: vpc.logicalId } : {}) });
  if ('reason' in inserted) return { error: inserted.reason };
  const changes = { [uri]: inserted.edits.map((e) => ({ range: file.lines.rangeOf(e.start, e.end), newText: e.newText })) };
  const summary = `planned ${plan.subnets.length} subnets in ${text}${plan.free.length ? `; free afterwards: ${plan.free.join(', ')}` : ''}`;
  const warning = planWriterFor(vpc.doc.kind)?.warning;
  return { edit: { changes }, summary, ...(warning ? { warning } : {}) };
}
