import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { AnchorTable } from '../../model/nav';
import { isEmptySelector, matches, readSelector } from './selector';

function selector(text: string) {
  const doc = parseDocument(text);
  return readSelector(doc.contents ?? undefined, new AnchorTable(doc));
}

describe('label selectors', () => {
  it('matches matchLabels and every matchExpressions operator', () => {
    const s = selector(
      '{matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [a, b]}, {key: env, operator: NotIn, values: [dev]}, {key: team, operator: Exists}, {key: canary, operator: DoesNotExist}]}',
    )!;
    assert.equal(matches(s, { app: 'web', tier: 'a', env: 'prod', team: 'x' }), true);
    assert.equal(matches(s, { app: 'web', tier: 'c', team: 'x' }), false, 'tier not in the list');
    assert.equal(matches(s, { app: 'web', tier: 'a', env: 'dev', team: 'x' }), false, 'env in NotIn');
    assert.equal(matches(s, { app: 'web', tier: 'a' }), false, 'team missing');
    assert.equal(matches(s, { app: 'web', tier: 'a', team: 'x', canary: 'yes' }), false, 'canary present');
    assert.equal(matches(s, { app: 'api', tier: 'a', team: 'x' }), false);
  });

  it('says "unknown" only when an unreadable value decides it', () => {
    const s = selector('{matchLabels: {app: web, tier: front}}')!;
    assert.equal(matches(s, { app: null, tier: 'front' }), undefined);
    assert.equal(matches(s, { app: null, tier: 'back' }), false);
    assert.equal(matches(s, { tier: null }), false, 'app missing altogether');
  });

  it('reads empty selectors, and refuses ones it cannot read', () => {
    assert.equal(isEmptySelector(selector('{}')!), true);
    assert.equal(selector('{matchLabels: {app: "{{ .Values.app }}"}}'), undefined);
    assert.equal(selector('{matchExpressions: [{key: app, operator: Near, values: [x]}]}'), undefined);
  });
});
