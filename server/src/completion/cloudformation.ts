// Completions in a CloudFormation template: the free blocks of the VPC a subnet names.
import { networkOf } from '../formats';
import type { StreamDocument } from '../model/document';
import type { TypingContext } from './context';
import { freeCidrs, pathEnds, type Item } from './items';

export function cloudFormationCompletions(ctx: TypingContext, doc: StreamDocument): Item[] {
  // Resources.<Subnet>.Properties.CidrBlock: the free blocks of the VPC the subnet names.
  if (ctx.on === 'value' && pathEnds(ctx.path, 'Resources', '*', 'Properties', 'CidrBlock') && ctx.path.length === 4) {
    const id = ctx.path[1];
    const vpc = networkOf(doc).vpcs.find((v) => v.subnets.some((s) => s.name === id));
    return vpc ? freeCidrs(vpc) : [];
  }
  return [];
}
