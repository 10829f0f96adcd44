import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeConfig } from '../engine/config';
import { checkFile } from '../engine/run';
import { allRules } from '../rules/index';
import { EMPTY_WORKSPACE } from '../workspace/facts';
import { applyEdits } from '../model/edits';
import { codeActions } from './index';
import { buildFileModel } from '../formats';

const options = { config: mergeConfig(), workspace: EMPTY_WORKSPACE, rules: allRules };

describe('code actions', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n    loadBalancerSourceRanges:\n      - 203.0.113.9/24   # office\n';

  it('"Disable <code> for this line" silences exactly that finding, indented like its line', () => {
    const model = buildFileModel({ uri: 'a.yaml', text });
    const [finding] = checkFile(model, options);
    const action = codeActions(model, [finding], 5, 5, options).find((a) => a.title === `Disable ${finding.code} for this line`)!;
    const after = applyEdits(text, action.edits!);
    assert.equal(after, text.replace('      - 203', '      # eks-lens-disable-next-line cidr-host-bits\n      - 203'));
    assert.deepEqual(checkFile(buildFileModel({ uri: 'a.yaml', text: after }), options), []);
  });

  it('offers no suppression comment in JSON, where comments are not allowed, but still the docs', () => {
    const json = '{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.1/16"}}}}\n';
    const model = buildFileModel({ uri: 't.json', text: json });
    const titles = codeActions(model, checkFile(model, options), 0, 0, options).map((a) => a.title);
    assert.deepEqual(titles, ['Replace with 10.0.0.0/16', 'Show documentation for cidr-host-bits', 'Plan subnets for this VPC…']);
  });

  it('leaves findings on other lines alone', () => {
    const model = buildFileModel({ uri: 'a.yaml', text });
    assert.deepEqual(codeActions(model, checkFile(model, options), 0, 3, options), []);
  });
});
