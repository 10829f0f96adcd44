// Every glossary entry: well formed, and each of its examples triggers it (and not another).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { termAt } from '../terms';
import { GLOSSARY } from './index';
import { buildFileModel } from '../../formats';

const OFFICIAL = /^https:\/\/(kubernetes\.io|docs\.aws\.amazon\.com|karpenter\.sh|eksctl\.io|aws\.github\.io)\//;

describe('glossary entries', () => {
  it('have unique ids, a title, a plane, two to six sentences and an official link', () => {
    const ids = new Set<string>();
    for (const e of GLOSSARY) {
      assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
      ids.add(e.id);
      assert.ok(e.title.length > 2, e.id);
      const sentences = e.text.split(/(?<=[.!?])\s+(?=[A-Z`*(])/).filter((s) => s.trim()).length;
      assert.ok(sentences >= 2 && sentences <= 6, `${e.id} has ${sentences} sentences`);
      assert.match(e.link.url, OFFICIAL, e.id);
      assert.ok(e.triggers.length > 0 && e.examples.length > 0, `${e.id} needs triggers and examples`);
    }
  });

  for (const entry of GLOSSARY) {
    entry.examples.forEach((example, i) => {
      it(`${entry.id}: example ${i + 1} (“${example.hover}”) triggers it`, () => {
        const at = example.file.indexOf(example.hover);
        assert.ok(at >= 0, `"${example.hover}" is not in the example`);
        const file = buildFileModel({ uri: 'example.yaml', text: example.file });
        const hit = termAt(file, at + Math.floor(example.hover.length / 2));
        assert.equal(hit?.entry.id, entry.id);
      });
    });
  }
});

describe('glossary triggers stay quiet on unrelated words', () => {
  const deployment = (extra: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {component: etcd-operator}\nspec:\n  strategy: {rollingUpdate: {maxUnavailable: 1}}\n  template:\n    spec:\n      containers:\n        - name: etcd\n          image: example.com/etcd-backup:1.0\n${extra}`;
  const cases: Array<[string, string, string]> = [
    ['a container named etcd', deployment(''), 'name: etcd'],
    ['an image whose name only starts with etcd', deployment(''), 'etcd-backup'],
    ['a label value that only starts with etcd', deployment(''), 'etcd-operator'],
    ["a Deployment's rolling-update maxUnavailable", deployment(''), 'maxUnavailable'],
    ['a ConfigMap key named ingress', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata:\n  ingress: "on"\n', 'ingress'],
    ['a ConfigMap named kube-proxy-extra', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-proxy-extra}\n', 'kube-proxy-extra'],
    ['a Helm values key named vpc', 'vpc:\n  enabled: true\n', 'vpc'],
  ];
  for (const [name, text, target] of cases) {
    it(name, () => {
      const at = text.indexOf(target) + (target.startsWith('name: ') ? 7 : Math.floor(target.length / 2));
      assert.equal(termAt(buildFileModel({ uri: 'x.yaml', text }), at)?.entry.id, undefined);
    });
  }
});
