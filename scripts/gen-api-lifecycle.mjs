// Regenerates the Kubernetes API lifecycle data from the Kubernetes source, instead of by hand.
//
// Usage:
//   node scripts/gen-api-lifecycle.mjs <git-dir>[@<ref>] [<git-dir>[@<ref>] ...]
//
// Each argument is a git directory (bare or not; `fetch github:kubernetes/api` gives one), read with
// `git ls-tree`/`git show` at <ref> (default HEAD). Layouts understood:
//   - kubernetes/kubernetes: staging/src/k8s.io/{api,kube-aggregator/pkg/apis,apiextensions-apiserver/pkg/apis}
//   - kubernetes/api (the published k8s.io/api): every package from the root
//   - kubernetes/kube-aggregator, kubernetes/apiextensions-apiserver: pkg/apis
// Give the monorepo alone, or k8s.io/api plus the other two, so that APIService and
// CustomResourceDefinition are covered.
//
// What it reads, reproducing prerelease-lifecycle-gen (kubernetes/code-generator
// cmd/prerelease-lifecycle-gen/prerelease-lifecycle-generators/status.go, and gengo v2's parser for
// which comments belong to a type):
//   - packages whose doc.go carries `+k8s:prerelease-lifecycle-gen=true`, with the group from register.go's
//     GroupName (or doc.go's `+groupName=`);
//   - in them, every exported struct that embeds TypeMeta (the generator's isAPIType);
//   - the `+k8s:prerelease-lifecycle-gen:introduced|deprecated|removed|replacement=` tags in the comment
//     block right above the type and in the block before that, separated from it by one blank line;
//   - hand-written APILifecycle*() methods (outside zz_generated files), which the generator leaves
//     alone, so they win over the tags (core/v1 lifecycle.go for Endpoints and ComponentStatus).
// It checks its result against every zz_generated.prerelease-lifecycle.go in the tree and stops on
// any difference.
//
// It writes:
//   - test/fixtures/k8s-prerelease-markers.tsv: the raw tags and hand-written methods per type;
//   - server/src/formats/kubernetes/apiLifecycle.data.ts: the release each type was introduced, deprecated and
//     removed, after the generator's defaulting (see computeLifecycle below).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { git, repoName } from './git-source.mjs';

const TAG = 'k8s:prerelease-lifecycle-gen';
const FIELDS = ['introduced', 'deprecated', 'removed', 'replacement'];

function describeSource(gitDir, ref) {
  const commit = git(gitDir, ['rev-parse', `${ref}^{commit}`]).trim();
  const date = git(gitDir, ['show', '-s', '--format=%cs', commit]).trim();
  // The ref as given (a tag or branch), or the branch HEAD points at.
  let label = ref;
  if (ref === 'HEAD') {
    try {
      label = git(gitDir, ['symbolic-ref', '--short', 'HEAD']).trim();
    } catch {
      label = 'detached HEAD';
    }
  }
  const name = repoName(gitDir);
  return { name, commit, date, label };
}

/** The package roots of one checkout, as path prefixes inside the tree. */
function roots(files) {
  if (files.has('staging/src/k8s.io/api/core/v1/types.go')) {
    return ['staging/src/k8s.io/api/', 'staging/src/k8s.io/kube-aggregator/pkg/apis/', 'staging/src/k8s.io/apiextensions-apiserver/pkg/apis/'];
  }
  if (files.has('core/v1/types.go')) return [''];
  return ['pkg/apis/'];
}

/** gengo's CommentLines and SecondClosestCommentLines for the declaration on line `at`. */
function commentsAbove(lines, at) {
  const blockEndingAt = (end) => {
    const out = [];
    for (let i = end; i >= 0 && /^\s*\/\//.test(lines[i]); i--) out.unshift(lines[i].replace(/^\s*\/\/ ?/, ''));
    return out;
  };
  const doc = blockEndingAt(at - 1);
  const docStart = at - doc.length;
  // The detached block ends two lines above the doc comment (or the type), with one blank line between.
  const gap = docStart - 1;
  const detached = gap >= 1 && lines[gap].trim() === '' ? blockEndingAt(gap - 1) : [];
  return [...detached, ...doc];
}

function tagsIn(comments) {
  const tags = {};
  for (const raw of comments) {
    const line = raw.trim();
    for (const field of FIELDS) {
      const prefix = `+${TAG}:${field}=`;
      if (line.startsWith(prefix)) {
        if (tags[field] !== undefined) throw new Error(`two ${field} tags: ${comments.join(' | ')}`);
        tags[field] = line.slice(prefix.length).trim();
      }
    }
  }
  return tags;
}

const METHOD = /^func \(in \*(\w+)\) APILifecycle(Introduced|Deprecated|Removed|Replacement)\(\)[^{]*\{\s*$/;

/** APILifecycle*() methods in one Go file: Map type -> { introduced: '1.5', replacement: 'group,version,Kind', ... }. */
function methodsIn(text) {
  const lines = text.split('\n');
  const out = new Map();
  for (let i = 0; i < lines.length; i++) {
    const m = METHOD.exec(lines[i]);
    if (!m) continue;
    const body = lines[i + 1].trim();
    let value;
    const version = /^return (\d+), (\d+)$/.exec(body);
    const gvk = /^return [\w.]*GroupVersionKind\{Group: "([^"]*)", Version: "([^"]*)", Kind: "([^"]*)"\}$/.exec(body);
    if (version) value = `${version[1]}.${version[2]}`;
    else if (gvk) value = `${gvk[1]},${gvk[2]},${gvk[3]}`;
    else throw new Error(`cannot read APILifecycle${m[2]} of ${m[1]}: ${body}`);
    const entry = out.get(m[1]) ?? {};
    entry[m[2].toLowerCase()] = value;
    out.set(m[1], entry);
  }
  return out;
}

/** Reads one checkout: the raw rows, and the generated methods to check against. */
function readCheckout(gitDir, ref) {
  const files = new Set(git(gitDir, ['ls-tree', '-r', '--name-only', ref]).split('\n').filter(Boolean));
  const show = (file) => git(gitDir, ['show', `${ref}:${file}`]);
  const rows = [];
  const generated = new Map();
  for (const root of roots(files)) {
    const docs = [...files].filter((f) => f.startsWith(root) && f.endsWith('/doc.go') && !/(^|\/)(vendor|testdata|hack|test|examples)\//.test(f.slice(root.length)));
    for (const docFile of docs.sort()) {
      const doc = show(docFile);
      if (!new RegExp(`^//\\s*\\+${TAG}=true\\s*$`, 'm').test(doc)) continue;
      const dir = path.posix.dirname(docFile);
      const version = path.posix.basename(dir);
      // The group as registered (register.go's GroupName), else doc.go's +groupName; '' is the core group.
      const register = files.has(`${dir}/register.go`) ? show(`${dir}/register.go`) : '';
      const group = /^const GroupName = "([^"]*)"/m.exec(register)?.[1] ?? /^\/\/\s*\+groupName=(\S*)\s*$/m.exec(doc)?.[1];
      if (group === undefined) throw new Error(`no group name for ${dir}`);
      const apiVersion = group ? `${group}/${version}` : version;
      const goFiles = [...files].filter((f) => path.posix.dirname(f) === dir && f.endsWith('.go') && !f.endsWith('_test.go')).sort();
      const handWritten = new Map();
      for (const file of goFiles) {
        const text = show(file);
        const methods = methodsIn(text);
        const isGenerated = path.posix.basename(file).startsWith('zz_generated');
        for (const [type, values] of methods) {
          const target = isGenerated ? generated : handWritten;
          const k = isGenerated ? `${apiVersion} ${type}` : type;
          target.set(k, { ...(target.get(k) ?? {}), ...values });
        }
        if (isGenerated) continue;
        const lines = text.split('\n');
        for (let i = 0; i < lines.length; i++) {
          const m = /^type ([A-Z]\w*) struct \{\s*$/.exec(lines[i]);
          if (!m) continue;
          let embedsTypeMeta = false;
          let j = i + 1;
          for (; j < lines.length && lines[j] !== '}'; j++) {
            if (/^\s+(?:metav1\.|v1\.)?TypeMeta(?:\s+`[^`]*`)?\s*(?:\/\/.*)?$/.test(lines[j])) embedsTypeMeta = true;
          }
          if (embedsTypeMeta) rows.push({ apiVersion, kind: m[1], origin: 'tags', file, ...tagsIn(commentsAbove(lines, i)) });
          i = j;
        }
      }
      for (const [type, values] of handWritten) {
        rows.push({ apiVersion, kind: type, origin: 'method', file: goFiles.find((f) => !path.posix.basename(f).startsWith('zz_generated') && methodsIn(show(f)).has(type)), ...values });
      }
    }
  }
  return { rows, generated };
}

function minor(v) {
  const m = /^(\d+)\.(\d+)$/.exec(v ?? '');
  if (!m) throw new Error(`not a major.minor version: ${v}`);
  return [Number(m[1]), Number(m[2])];
}

/**
 * The generator's defaulting (status.go, argsFromType): deprecated = the tag, else introduced + 3
 * minors; removed = the tag, else deprecated + 3 minors; a GA version (vN) gets either only from its
 * own tag. A hand-written method replaces the generated one of the same name.
 */
export function computeLifecycle(tags, method, apiVersion) {
  const ga = /^v\d+$/.test(apiVersion.split('/').pop());
  const out = {};
  if (tags?.introduced) {
    const [maj, min] = minor(tags.introduced);
    out.introduced = `${maj}.${min}`;
    const [dMaj, dMin] = tags.deprecated ? minor(tags.deprecated) : [maj, min + 3];
    if (!ga || tags.deprecated) out.deprecated = `${dMaj}.${dMin}`;
    const [rMaj, rMin] = tags.removed ? minor(tags.removed) : [dMaj, dMin + 3];
    if (!ga || tags.removed) out.removed = `${rMaj}.${rMin}`;
  }
  if (tags?.replacement) out.replacement = tags.replacement;
  for (const f of FIELDS) if (method?.[f]) out[f] = method[f];
  return out;
}

function main() {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help')) {
    console.error('usage: node scripts/gen-api-lifecycle.mjs <git-dir>[@<ref>] [<git-dir>[@<ref>] ...]');
    process.exit(2);
  }
  const sources = [];
  const rows = [];
  const generated = new Map();
  for (const arg of args) {
    const at = arg.lastIndexOf('@');
    const [gitDir, ref] = at > 0 ? [arg.slice(0, at), arg.slice(at + 1)] : [arg, 'HEAD'];
    sources.push(describeSource(gitDir, ref));
    const one = readCheckout(gitDir, ref);
    rows.push(...one.rows);
    for (const [k, v] of one.generated) generated.set(k, v);
  }
  rows.sort((a, b) => (a.apiVersion === b.apiVersion ? (a.kind === b.kind ? a.origin.localeCompare(b.origin) : a.kind.localeCompare(b.kind)) : a.apiVersion.localeCompare(b.apiVersion)));

  const table = [];
  const problems = [];
  for (const row of rows.filter((r) => r.origin === 'tags')) {
    const method = rows.find((r) => r.origin === 'method' && r.apiVersion === row.apiVersion && r.kind === row.kind);
    const life = computeLifecycle(row, method, row.apiVersion);
    if (!life.introduced && !method) problems.push(`${row.apiVersion} ${row.kind}: no introduced tag (${row.file})`);
    // The generated file holds the methods the generator wrote; hand-written ones are not repeated there.
    const gen = generated.get(`${row.apiVersion} ${row.kind}`) ?? {};
    for (const f of FIELDS) {
      if (method?.[f]) continue;
      if ((gen[f] ?? undefined) !== (life[f] ?? undefined)) problems.push(`${row.apiVersion} ${row.kind} ${f}: computed ${life[f]}, zz_generated says ${gen[f]}`);
    }
    table.push({ apiVersion: row.apiVersion, kind: row.kind, ...life });
  }
  if (problems.length > 0) {
    console.error(`The defaulting disagrees with the generated files:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }

  const header = sources.map((s) => `${s.name} ${s.commit} (${s.label}, ${s.date})`);
  const tsv = [
    '# Raw +k8s:prerelease-lifecycle-gen tags (origin "tags") and hand-written APILifecycle*() methods (origin "method")',
    '# of every API type, read by scripts/gen-api-lifecycle.mjs from:',
    ...header.map((h) => `#   ${h}`),
    '# "-" means absent; replacement is group,version,Kind as written in the source.',
    ['apiVersion', 'kind', 'origin', ...FIELDS].join('\t'),
    ...rows.map((r) => [r.apiVersion, r.kind, r.origin, ...FIELDS.map((f) => r[f] ?? '-')].join('\t')),
    '',
  ].join('\n');
  writeFileSync('test/fixtures/k8s-prerelease-markers.tsv', tsv);

  const q = (s) => `'${s}'`;
  const data = [
    '// GENERATED by scripts/gen-api-lifecycle.mjs: do not edit; run it again on a newer Kubernetes checkout.',
    '// Source:',
    ...header.map((h) => `//   ${h}`),
    '// One row per API type (every exported struct with TypeMeta in a package that enables',
    "// prerelease-lifecycle-gen), with introduced/deprecated/removed after the generator's defaulting and",
    '// the replacement as group,version,Kind. The raw tags are in test/fixtures/k8s-prerelease-markers.tsv.',
    '',
    'export interface GeneratedLifecycle {',
    '  readonly apiVersion: string;',
    '  readonly kind: string;',
    '  readonly introduced?: string;',
    '  readonly deprecated?: string;',
    '  readonly removed?: string;',
    '  readonly replacement?: string;',
    '}',
    '',
    `export const GENERATED_FROM = ${q(header.join('; '))};`,
    '',
    'export const GENERATED_LIFECYCLES: readonly GeneratedLifecycle[] = [',
    ...table.map(
      (t) =>
        `  { apiVersion: ${q(t.apiVersion)}, kind: ${q(t.kind)}${FIELDS.filter((f) => t[f])
          .map((f) => `, ${f}: ${q(t[f])}`)
          .join('')} },`,
    ),
    '];',
    '',
  ].join('\n');
  writeFileSync('server/src/formats/kubernetes/apiLifecycle.data.ts', data);
  console.log(`${rows.length} rows from ${header.join('; ')}; ${table.length} API types`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
