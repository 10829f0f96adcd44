// The CLI's option reader (server/src/cli/args.ts, on node:util parseArgs): both value forms,
// repeated options, `-` and `--`, and its own messages for every mistake strict mode would refuse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asksForHelp, readArgs, requirePaths, UsageError, type OptionSpec } from '../server/src/cli/args';

const OPTIONS = {
  format: { type: 'string' },
  rule: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  'no-config': { type: 'boolean' },
} as const satisfies Record<string, OptionSpec>;

const usage = (message: string) => (error: unknown) => error instanceof UsageError && error.message === message;

describe('CLI option reader', () => {
  it('takes --opt=value, --opt value and -o value, repeated options in order, - as a PATH', () => {
    const { values, paths } = readArgs(['--format=json', '--rule', 'a=off', '--rule=b=hint', '-o', 'out.svg', '--no-config', 'x.yaml', '-'], OPTIONS);
    assert.deepEqual({ ...values }, { format: 'json', rule: ['a=off', 'b=hint'], output: 'out.svg', 'no-config': true });
    assert.deepEqual(paths, ['x.yaml', '-']);
  });

  it('takes a value that starts with - as given, and the last of an option given twice', () => {
    assert.deepEqual({ ...readArgs(['--output', '-my.svg', '--format', 'a', '--format', 'b', 'p'], OPTIONS).values }, { output: '-my.svg', format: 'b' });
  });

  it('reads everything after -- as PATHs', () => {
    const { values, paths } = readArgs(['--no-config', '--', '-x.yaml', '--format'], OPTIONS);
    assert.deepEqual({ ...values }, { 'no-config': true });
    assert.deepEqual(paths, ['-x.yaml', '--format']);
    assert.equal(asksForHelp(['--', '-h']), false);
    assert.equal(asksForHelp(['a', '--help']), true);
  });

  it('says what is wrong in its own words', () => {
    assert.throws(() => readArgs(['--bogus', 'a'], OPTIONS), usage('unknown option --bogus'));
    assert.throws(() => readArgs(['--bogus=1', 'a'], OPTIONS, 'map: '), usage('map: unknown option --bogus'));
    assert.throws(() => readArgs(['-x', 'a'], OPTIONS), usage('unknown option -x'));
    assert.throws(() => readArgs(['a', '--format'], OPTIONS), usage('--format needs a value'));
    assert.throws(() => readArgs(['a', '-o'], OPTIONS), usage('-o needs a value'));
    assert.throws(() => readArgs(['--no-config=yes', 'a'], OPTIONS), usage('--no-config takes no value'));
    assert.throws(() => requirePaths(readArgs(['--no-config'], OPTIONS).paths, 'map: '), usage('map: no PATH given'));
  });
});
