// Hover for a position in a file: facts about an address under the cursor (on a subnet's CIDR,
// with the pod-address demand on it at full scale), else the network
// limits and pod capacity of an instance type where a file names one, else the glossary entry for
// the term under it. Plain data: the server turns it into an LSP Hover.
import type { FileModel } from '../model/document';
import type { Range } from '../model/lineIndex';
import { addressHover } from './address';
import { subnetDemandHover } from './subnetDemand';
import { networkOf } from '../formats';
import type { WorkspaceView } from '../workspace/facts';
import { instanceTypeHover } from './instanceType';
import { placeAt } from '../model/locate';
import { termAt } from './terms';

export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

/**
 * The hover at `offset` of `file`. `workspace`: the other files of the workspace, which the pod
 * address demand on a subnet reads (a self-managed aws-node DaemonSet); without it, the demand is
 * computed from this file alone and says so.
 */
export function hoverAt(file: FileModel, offset: number, workspace?: WorkspaceView): HoverResult | undefined {
  const place = placeAt(file, offset);
  if (!place) return undefined;
  const address = addressHover(place);
  if (address) {
    const demand = place.isKey ? undefined : subnetDemandHover(networkOf(place.doc), place.node, workspace);
    return { markdown: demand ? `${address}\n\n${demand}` : address, range: file.lines.rangeOf(place.start, place.end) };
  }
  const instance = instanceTypeHover(place);
  if (instance) return { markdown: instance, range: file.lines.rangeOf(place.start, place.end) };
  const term = termAt(file, offset, place);
  if (!term) return undefined;
  const { entry } = term;
  const markdown = `**${entry.title}** · *${entry.plane}*\n\n${entry.text}\n\n[Learn more: ${entry.link.title}](${entry.link.url})`;
  return { markdown, range: file.lines.rangeOf(term.start, term.end) };
}
