import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isScalar } from 'yaml';
import { nestingBeyond } from '../server/src/model/document';
import { LineIndex } from '../server/src/model/lineIndex';
import { entries, get, getIn, scalarText } from '../server/src/model/nav';
import { buildFileModel, newModelCache } from '../server/src/formats';

const model = (text: string, uri = 'f.yaml') => buildFileModel({ uri, text });

describe('line index', () => {
  it('maps offsets to positions across LF, CRLF and CR line ends', () => {
    const text = 'ab\r\ncd\nef\rgh';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('f')), { line: 2, character: 1 });
    assert.deepEqual(lines.positionAt(text.indexOf('h')), { line: 3, character: 1 });
    assert.equal(lines.offsetAt({ line: 2, character: 1 }), text.indexOf('f'));
    assert.equal(lines.lineText(0), 'ab');
  });

  it('places an offset inside a line break at the end of its line', () => {
    const text = 'ab\r\ncd';
    const lines = new LineIndex(text);
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  });

  it('clamps positions outside the text', () => {
    const lines = new LineIndex('a\nb');
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 1 });
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 3);
  });
});

describe('document model', () => {
  it('keeps every document of a stream with its own offsets and kind', () => {
    const text = ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', '---', 'AWSTemplateFormatVersion: "2010-09-09"', '---', 'apiVersion: v1', 'kind: Service', '---', 'just: data', ''].join(
      '\n',
    );
    const m = model(text);
    assert.deepEqual(
      m.documents.map((d) => d.kind),
      ['eksctl', 'cloudformation', 'kubernetes', 'other'],
    );
    assert.equal(m.lines.positionAt(m.documents[2].start).line, 4, 'a document starts at its --- marker');
    assert.equal(m.documents[2].objectKind, 'Service');
    assert.equal(m.documents[2].apiVersion, 'v1');
  });

  it('recognises a template by its Resources alone, and keeps short tags on nodes', () => {
    const m = model('Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref VpcCidr\n');
    const doc = m.documents[0];
    assert.equal(doc.kind, 'cloudformation');
    const cidr = getIn(doc.root, ['Resources', 'V', 'Properties', 'CidrBlock']);
    assert.ok(isScalar(cidr));
    assert.equal(cidr.tag, '!Ref');
    assert.equal(doc.syntaxErrors.length, 0, 'an undeclared tag is not a syntax error');
  });

  it('parses JSON templates with the same positions', () => {
    const m = model('{\n  "Resources": {\n    "V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}\n  }\n}', 't.json');
    assert.equal(m.format, 'json');
    assert.equal(m.documents[0].kind, 'cloudformation');
    const cidr = getIn(m.documents[0].root, ['Resources', 'V', 'Properties', 'CidrBlock']);
    assert.equal(m.lines.positionAt(cidr!.range![0]).line, 2);
  });

  it('marks Helm templates and keeps the documents that parse', () => {
    const m = model('{{- if .Values.on }}\napiVersion: v1\nkind: ConfigMap\n{{- end }}\n---\napiVersion: v1\nkind: Service\n', 'chart/templates/a.yaml');
    assert.equal(m.templated, true);
    assert.equal(m.documents.length, 2);
    assert.equal(m.documents[1].kind, 'kubernetes');
    assert.equal(m.documents[1].syntaxErrors.length, 0);
  });

  it('does not classify a document that apiVersion alone describes', () => {
    assert.equal(model('apiVersion: v1\n').documents[0].kind, 'other');
    assert.equal(model('kind: ClusterConfig\napiVersion: eksctl.io/v1alpha5\n').documents[0].kind, 'eksctl');
  });

  it('refuses binary and oversized input without parsing it', () => {
    assert.match(model('a\u0000b').notParsed ?? '', /binary/);
    assert.match(buildFileModel({ uri: 'x.yaml', text: 'a: 1\n'.repeat(10), maxBytes: 10 }).notParsed ?? '', /limit/);
  });

  it('follows aliases and merge keys without expanding them', () => {
    const m = model('base: &b {cidr: 10.0.0.0/16, name: a}\nvpc:\n  <<: *b\n  name: own\nref: *b\n');
    const doc = m.documents[0];
    const vpc = get(doc.root, 'vpc', doc.anchors);
    assert.deepEqual(
      entries(vpc, doc.anchors).map(([k, v]) => [k, scalarText(v)]),
      [
        ['name', 'own'],
        ['cidr', '10.0.0.0/16'],
      ],
    );
    assert.equal(scalarText(getIn(doc.root, ['ref', 'cidr'], doc.anchors)), '10.0.0.0/16');
  });

  it('resolves a re-defined anchor to the definition before the alias', () => {
    const doc = model('a: &x one\nb: *x\nc: &x two\nd: *x\n').documents[0];
    assert.equal(scalarText(get(doc.root, 'b', doc.anchors)), 'one');
    assert.equal(scalarText(get(doc.root, 'd', doc.anchors)), 'two');
  });

  it('parses once per version', () => {
    const cache = newModelCache();
    const first = cache.get({ uri: 'u', version: 1, text: 'a: 1' });
    assert.equal(cache.get({ uri: 'u', version: 1, text: 'a: 1' }), first);
    const second = cache.get({ uri: 'u', version: 2, text: 'a: 2' });
    assert.notEqual(second, first);
    assert.equal(cache.peek('u'), second);
  });
});

describe('nesting limit', () => {
  it('refuses collections nested beyond the limit, the same way on every run', () => {
    for (const text of [`deep: ${'['.repeat(3000)}${']'.repeat(3000)}`, `deep:\n${'- '.repeat(3000)}x`, `deep: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`]) {
      const model = buildFileModel({ uri: 'file:///deep.yaml', text: `kind: ConfigMap\n${text}\n` });
      const errors = model.documents.flatMap((d) => d.syntaxErrors.map((e) => e.message));
      assert.equal(errors.length, 1);
      assert.match(errors[0], /more than 500 levels deep/);
    }
  });

  it('counts indentation levels, not columns, and ignores brackets in quotes and comments', () => {
    const indented = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    assert.equal(nestingBeyond(indented, 500), undefined);
    assert.notEqual(nestingBeyond(indented, 299), undefined);
    const quoted = `a: "${'['.repeat(800)}"\nb: '${'{'.repeat(800)}'\n# ${'['.repeat(800)}\n`;
    assert.equal(nestingBeyond(quoted, 500), undefined);
  });
});

describe('stream chunks', () => {
  const tricky = [
    'a: 1\n---\nb: 2\n',
    '---\na: 1\n--- \nb: 2\n---\tc\n',
    'x: |\n  text\n---\ny: 2\n',
    'a: 1\n...\n---\nb: 2\n',
    'a: 1\n...\nb: 2\n',
    '%YAML 1.2\n---\na: 1\n...\n%YAML 1.2\n---\nb: 2\n',
    'a: ---\n----\n--- # c\nb: 1\n',
    'a: [1,\n---\n2]\n',
    '\r\n---\r\na: 1\r\n---\r\nb: 2',
    '',
    '---',
  ];
  for (const text of tricky) {
    it(`parses ${JSON.stringify(text)} like the whole stream`, async () => {
      const { parseAllDocuments } = await import('yaml');
      const whole = parseAllDocuments(text, { prettyErrors: false });
      const m = model(text);
      assert.equal(m.documents.length, whole.length, 'same number of documents');
      m.documents.forEach((doc, i) => {
        assert.deepEqual(doc.yaml.toJS({ maxAliasCount: 10 }), whole[i].toJS({ maxAliasCount: 10 }));
        assert.equal(doc.start, whole[i].range[0], 'same start offset');
        // An error at the very end of a chunk is shown on its last character, not on the next `---`.
        const chunkEnd = Math.min(text.length, ...m.documents.filter((d) => d.offset > doc.offset).map((d) => d.offset));
        const lastCharacter = doc.offset + Math.max(0, text.slice(doc.offset, chunkEnd).trimEnd().length - 1);
        assert.deepEqual(
          doc.syntaxErrors.map((e) => doc.offset + e.start),
          whole[i].errors.map((e) => Math.min(e.pos[0], lastCharacter)),
        );
      });
    });
  }

  it('keeps an unclosed quote from swallowing the documents after it', () => {
    // The yaml package alone would read the rest of the stream as part of the quoted scalar.
    const m = model('x: "quoted\n---\ny: 2\n');
    assert.equal(m.documents.length, 2);
    assert.match(m.documents[0].syntaxErrors[0].message, /quote/);
    assert.deepEqual(m.documents[1].yaml.toJS(), { y: 2 });
  });

  it('re-parses only the chunks an edit touched', () => {
    const cache = newModelCache();
    const text = 'a: 1\n---\nb: 2\n---\nc: 3\n';
    const v1 = cache.get({ uri: 'u', version: 1, text });
    const v2 = cache.get({ uri: 'u', version: 2, text: text.replace('b: 2', 'b: 22') });
    assert.equal(v2.documents[0].yaml, v1.documents[0].yaml, 'unchanged chunk before the edit is reused');
    assert.notEqual(v2.documents[1].yaml, v1.documents[1].yaml, 'the edited chunk is parsed again');
    assert.equal(v2.documents[2].yaml, v1.documents[2].yaml, 'unchanged chunk after the edit is reused');
    assert.equal(v2.documents[2].offset, v1.documents[2].offset + 1, 'and moved by the edit');
  });
});
