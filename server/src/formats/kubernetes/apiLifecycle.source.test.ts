// The lifecycle table against the Kubernetes source it was generated from: the raw
// +k8s:prerelease-lifecycle-gen tags in test/fixtures/k8s-prerelease-markers.tsv (written by
// scripts/gen-api-lifecycle.mjs), run through prerelease-lifecycle-gen's defaulting, written out here
// a second time on purpose, so that a slip in the script or a hand edit of the data file shows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { API_LIFECYCLES, HISTORICAL, NEWEST_KUBERNETES_MINOR, compareMinor, lifecycleOf, lifecyclesFromGenerated } from './apiLifecycle';
import { GENERATED_FROM, GENERATED_LIFECYCLES, type GeneratedLifecycle } from './apiLifecycle.data';

const FIXTURE = 'test/fixtures/k8s-prerelease-markers.tsv';
const text = readFileSync(FIXTURE, 'utf8');
const FIELDS = ['introduced', 'deprecated', 'removed', 'replacement'] as const;
type Raw = { apiVersion: string; kind: string; origin: string } & Partial<Record<(typeof FIELDS)[number], string>>;

const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
const [head, ...body] = lines;
const rows: Raw[] = body.map((line) => {
  const cells = line.split('\t');
  const row: Raw = { apiVersion: cells[0], kind: cells[1], origin: cells[2] };
  FIELDS.forEach((f, i) => {
    if (cells[3 + i] !== '-') row[f] = cells[3 + i];
  });
  return row;
});

function plus3(v: string): string {
  const [major, minor] = v.split('.').map(Number);
  return `${major}.${minor + 3}`;
}

/** prerelease-lifecycle-gen (code-generator status.go, argsFromType), then hand-written methods on top. */
function expected(tags: Raw, method: Raw | undefined): GeneratedLifecycle {
  const ga = /^v\d+$/.test(tags.apiVersion.split('/').pop() ?? '');
  const out: Record<string, string> = { apiVersion: tags.apiVersion, kind: tags.kind };
  if (tags.introduced) {
    out.introduced = tags.introduced;
    const deprecated = tags.deprecated ?? plus3(tags.introduced);
    if (!ga || tags.deprecated) out.deprecated = deprecated;
    const removed = tags.removed ?? plus3(deprecated);
    if (!ga || tags.removed) out.removed = removed;
  }
  if (tags.replacement) out.replacement = tags.replacement;
  for (const f of FIELDS) if (method?.[f]) out[f] = method[f];
  return out as unknown as GeneratedLifecycle;
}

describe('API lifecycle data against the prerelease-lifecycle tags', () => {
  it('the fixture names the commits the data file was generated from', () => {
    assert.equal(head, 'apiVersion\tkind\torigin\tintroduced\tdeprecated\tremoved\treplacement');
    const commits = [...text.matchAll(/^#\s+(\S+) ([0-9a-f]{40}) /gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.ok(commits.length >= 1);
    for (const c of commits) assert.ok(GENERATED_FROM.includes(c), c);
    assert.ok(commits.some((c) => c.startsWith('kubernetes/api ')));
  });

  it('has a row per type, with tags that parse', () => {
    assert.ok(rows.length > 200);
    for (const r of rows) {
      assert.match(r.origin, /^(tags|method)$/);
      for (const f of ['introduced', 'deprecated', 'removed'] as const) if (r[f]) assert.match(r[f], /^1\.\d+$/, `${r.apiVersion} ${r.kind}`);
      if (r.replacement) assert.match(r.replacement, /^[a-z0-9.]*,v\d+\w*,[A-Z]\w*$/, `${r.apiVersion} ${r.kind}`);
    }
  });

  it('the generated data is exactly the defaulting applied to the tags', () => {
    const tagged = rows.filter((r) => r.origin === 'tags');
    const want = tagged.map((t) =>
      expected(
        t,
        rows.find((m) => m.origin === 'method' && m.apiVersion === t.apiVersion && m.kind === t.kind),
      ),
    );
    assert.deepEqual(GENERATED_LIFECYCLES, want);
  });

  it('the table is the generated data as of the newest minor, plus the historical removals', () => {
    assert.deepEqual(API_LIFECYCLES, [...lifecyclesFromGenerated(GENERATED_LIFECYCLES, NEWEST_KUBERNETES_MINOR), ...HISTORICAL]);
    for (const e of API_LIFECYCLES.filter((x) => !HISTORICAL.includes(x))) {
      const g = GENERATED_LIFECYCLES.find((r) => r.apiVersion === e.apiVersion && r.kind === e.kind);
      assert.ok(g, `${e.apiVersion} ${e.kind}`);
      assert.equal(e.deprecated, g.deprecated, `${e.apiVersion} ${e.kind} deprecated`);
      const removed = g.removed && compareMinor(g.removed, NEWEST_KUBERNETES_MINOR) <= 0 ? g.removed : undefined;
      assert.equal(e.removed, removed, `${e.apiVersion} ${e.kind} removed`);
    }
  });

  it('historical entries are exactly the removed versions the source no longer has', () => {
    for (const h of HISTORICAL) {
      assert.equal(
        GENERATED_LIFECYCLES.find((r) => r.apiVersion === h.apiVersion && r.kind === h.kind),
        undefined,
        `${h.apiVersion} ${h.kind}`,
      );
      assert.ok(h.removed, `${h.apiVersion} ${h.kind}`);
    }
  });

  it('NEWEST_KUBERNETES_MINOR is the newest release the source introduces a type in', () => {
    const newest = rows
      .filter((r) => r.introduced)
      .map((r) => r.introduced as string)
      .sort(compareMinor)
      .pop();
    assert.equal(newest, NEWEST_KUBERNETES_MINOR);
  });

  it('a removal scheduled after the newest minor shows up once that minor is the newest', () => {
    assert.equal(lifecycleOf('certificates.k8s.io/v1beta1', 'ClusterTrustBundle')?.removed, undefined);
    const later = lifecyclesFromGenerated(GENERATED_LIFECYCLES, '1.40').find((e) => e.apiVersion === 'certificates.k8s.io/v1beta1' && e.kind === 'ClusterTrustBundle');
    assert.equal(later?.removed, '1.40');
  });
});

describe('lifecycle spot checks from the source', () => {
  it('policy/v1beta1 PodDisruptionBudget: tags introduced 1.5, deprecated 1.21, removed 1.25', () => {
    const raw = rows.find((r) => r.apiVersion === 'policy/v1beta1' && r.kind === 'PodDisruptionBudget');
    assert.deepEqual(raw, {
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      origin: 'tags',
      introduced: '1.5',
      deprecated: '1.21',
      removed: '1.25',
      replacement: 'policy,v1,PodDisruptionBudget',
    });
    const e = lifecycleOf('policy/v1beta1', 'PodDisruptionBudget');
    assert.equal(e?.deprecated, '1.21');
    assert.equal(e?.removed, '1.25');
  });

  it('coordination.k8s.io/v1beta1 LeaseCandidate: introduced 1.33, so deprecated from 1.36, no GA kind to move to', () => {
    const e = lifecycleOf('coordination.k8s.io/v1beta1', 'LeaseCandidate');
    assert.equal(e?.deprecated, '1.36');
    assert.equal(e?.removed, undefined);
    assert.equal(e?.replacement, undefined);
    assert.equal(GENERATED_LIFECYCLES.find((r) => r.apiVersion === 'coordination.k8s.io/v1beta1' && r.kind === 'LeaseCandidate')?.removed, '1.39');
  });

  it('certificates.k8s.io/v1beta1 ClusterTrustBundle and PodCertificateRequest: deprecated 1.37, v1 since 1.37', () => {
    for (const kind of ['ClusterTrustBundle', 'PodCertificateRequest']) {
      const e = lifecycleOf('certificates.k8s.io/v1beta1', kind);
      assert.equal(e?.deprecated, '1.37', kind);
      assert.equal(e?.removed, undefined, kind);
      assert.deepEqual(e?.replacement, { apiVersion: 'certificates.k8s.io/v1', kind, since: '1.37' });
    }
  });

  it('storagemigration.k8s.io/v1beta1 StorageVersionMigration: deprecated 1.37, v1 since 1.37', () => {
    const e = lifecycleOf('storagemigration.k8s.io/v1beta1', 'StorageVersionMigration');
    assert.equal(e?.deprecated, '1.37');
    assert.equal(e?.removed, undefined);
    assert.deepEqual(e?.replacement, { apiVersion: 'storagemigration.k8s.io/v1', kind: 'StorageVersionMigration', since: '1.37' });
  });

  it('defaulting: an introduced-only beta is deprecated and removed three minors apart (IPAddress, SelfSubjectReview)', () => {
    assert.deepEqual([lifecycleOf('networking.k8s.io/v1beta1', 'IPAddress')?.deprecated, lifecycleOf('networking.k8s.io/v1beta1', 'IPAddress')?.removed], ['1.34', '1.37']);
    const ssr = lifecycleOf('authentication.k8s.io/v1beta1', 'SelfSubjectReview');
    assert.equal(ssr?.deprecated, '1.30');
    assert.equal(ssr?.removed, '1.33');
    assert.equal(ssr?.replacement?.apiVersion, 'authentication.k8s.io/v1');
  });

  it('defaulting: an explicit deprecated tag moves the removal with it (VolumeAttributesClass 1.34 -> 1.37)', () => {
    const e = lifecycleOf('storage.k8s.io/v1beta1', 'VolumeAttributesClass');
    assert.equal(e?.deprecated, '1.34');
    assert.equal(e?.removed, '1.37');
  });

  it('a hand-written method wins: v1 Endpoints deprecated 1.33 for EndpointSlice, GA so never removed', () => {
    const e = lifecycleOf('v1', 'Endpoints');
    assert.equal(e?.deprecated, '1.33');
    assert.equal(e?.removed, undefined);
    assert.equal(e?.replacement?.kind, 'EndpointSlice');
  });

  it('leaves out webhook messages, subresources and List types', () => {
    assert.equal(lifecycleOf('admission.k8s.io/v1beta1', 'AdmissionReview'), undefined);
    assert.equal(lifecycleOf('apiextensions.k8s.io/v1beta1', 'ConversionReview'), undefined);
    assert.equal(lifecycleOf('policy/v1beta1', 'Eviction'), undefined);
    assert.equal(lifecycleOf('apps/v1beta1', 'Scale'), undefined);
    assert.equal(lifecycleOf('policy/v1beta1', 'PodDisruptionBudgetList'), undefined);
  });
});
