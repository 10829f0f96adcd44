import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt } from '../completion/index';
import { DEFAULT_CONFIG } from '../engine/config';
import { yaml } from '../../../test/support/ruleTester';
import { hoverAt } from './index';
import { codeSpan, escapeMarkdown } from './markdown';
import { buildFileModel } from '../formats';

const LINK = '[click](https://evil.example/x)';
const IMAGE = '![x](https://evil.example/track.png)';
const HTML = '<img src=https://evil.example/y.png>';
const AUTOLINK = 'www.evil.example';

/** What is left of Markdown syntax once every backslash-escaped character is taken out: no link,
 *  image, raw HTML or bare URL may come from the workspace's text. */
function assertInert(markdown: string): void {
  const active = markdown.replace(/\\[!-/:-@[-`{-~]/g, '·');
  for (const syntax of ['](', '![', '<', 'https://', 'www.']) assert.ok(!active.includes(syntax), `"${syntax}" is active in: ${markdown}`);
}

/** The Markdown as the editor shows it: escapes resolved. */
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('escapeMarkdown', () => {
  it('keeps the text as shown and leaves no syntax active', () => {
    for (const text of [LINK, IMAGE, HTML, AUTOLINK, '**bold** _x_ `code` # h | t | ~~s~~ &amp; \\', 'a\n# heading\n- item']) {
      const escaped = escapeMarkdown(text);
      assertInert(escaped);
      assert.equal(shown(escaped), text.replace(/\n/g, ' '));
    }
  });
});

describe('codeSpan', () => {
  it('fences with more backticks than the text holds and pads a leading or trailing backtick', () => {
    assert.equal(codeSpan('10.0.0.0/16'), '`10.0.0.0/16`');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('``x``'), '``` ``x`` ```');
    assert.equal(codeSpan('`x'), '`` `x ``');
    assert.equal(codeSpan('a\nb'), '`a b`');
    assert.equal(codeSpan(''), '');
  });
});

describe('hover with hostile names from the workspace', () => {
  it('eksctl: a subnet and zone named like a link, an image and HTML show as text', () => {
    const text = yaml(
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: c, region: us-west-2}',
      'vpc:',
      '  id: vpc-1',
      '  cidr: 10.20.0.0/16',
      '  subnets:',
      '    private:',
      `      "${LINK}": {id: subnet-a, cidr: 10.20.0.0/19, az: "${IMAGE}"}`,
      `      "${HTML}": {id: subnet-b, cidr: 10.20.32.0/19}`,
      'x-dns: 10.20.3.4',
    );
    const file = buildFileModel({ uri: 'c.yaml', text });
    const address = hoverAt(file, text.indexOf('10.20.3.4') + 2)!.markdown;
    assert.ok(shown(address).includes(LINK), 'the name is shown as written');
    assertInert(address);
    const subnet = hoverAt(file, text.indexOf('10.20.0.0/19') + 2)!.markdown;
    assert.ok(shown(subnet).includes(IMAGE), 'the zone is shown as written');
    assertInert(subnet);
    assertInert(hoverAt(file, text.indexOf('10.20.32.0/19') + 2)!.markdown);
    assertInert(hoverAt(file, text.indexOf('10.20.0.0/16') + 2)!.markdown);
  });

  it('CloudFormation: a zone written as a link shows as text', () => {
    const text = yaml(
      'Resources:',
      '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/22}}',
      `  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: "${LINK}"}}`,
    );
    const md = hoverAt(buildFileModel({ uri: 't.yaml', text }), text.indexOf('10.0.1.0/24') + 2)!.markdown;
    assert.ok(shown(md).includes(LINK));
    assertInert(md);
  });

  it('completion documentation names the VPC blocks without live syntax', () => {
    const text = yaml(
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: c, region: us-west-2}',
      'vpc:',
      '  cidr: 10.20.0.0/16',
      '  subnets:',
      '    private:',
      `      "${LINK}": {cidr: `,
    );
    const items = completionsAt(buildFileModel({ uri: 'c.yaml', text }), text.length, DEFAULT_CONFIG);
    for (const item of items) if (item.documentation) assertInert(item.documentation);
  });
});
