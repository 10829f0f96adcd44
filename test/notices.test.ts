// dist/ThirdPartyNotices.txt against what the bundles really hold. The build lists packages from
// esbuild's metafiles; this test finds them another way, from the development build's source maps
// (`npm run build` first), and checks that each is listed with its version, licence and the whole
// text of its licence file, and that no bundled package is in a known vulnerable range.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const BUNDLES = ['dist/client.js', 'dist/server.js', 'dist/cli.js'];
const NOTICES = 'dist/ThirdPartyNotices.txt';
const PACKAGE_OF = /^(.*node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*))\//;

interface BundledPackage {
  name: string;
  version: string;
  dir: string;
  bundles: Set<string>;
}

/** The npm packages each bundle took code from, by its source map. */
function packagesInSourceMaps(): Map<string, BundledPackage> {
  const packages = new Map<string, BundledPackage>();
  for (const bundle of BUNDLES) {
    const mapFile = `${bundle}.map`;
    assert.ok(existsSync(mapFile), `${mapFile} is missing: run npm run build (the development build writes source maps)`);
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
    for (const source of map.sources) {
      const m = PACKAGE_OF.exec(source.split(path.sep).join('/'));
      if (!m) continue;
      const dir = path.resolve(path.dirname(mapFile), m[1]);
      const { name, version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const key = `${name}@${version}`;
      const entry = packages.get(key) ?? { name, version, dir, bundles: new Set<string>() };
      entry.bundles.add(bundle);
      packages.set(key, entry);
    }
  }
  return packages;
}

/** Each `====` section of the notices: header line `name version`, then its lines. */
function noticeSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const part of text.split(/^={80}\n/m).slice(1)) {
    const [header] = part.split('\n', 1);
    sections.set(header.replace(' ', '@'), part);
  }
  return sections;
}

describe('third-party notices', () => {
  it('list every npm package the bundles hold, with its licence and the whole licence text', () => {
    const packages = packagesInSourceMaps();
    assert.ok(packages.size >= 5, `only ${packages.size} packages found in the source maps`);
    const sections = noticeSections(readFileSync(NOTICES, 'utf8'));
    assert.deepEqual([...sections.keys()].sort(), [...packages.keys()].sort(), 'the notices list exactly the packages in the bundles');
    for (const [key, p] of packages) {
      const section = sections.get(key)!;
      const manifest = JSON.parse(readFileSync(path.join(p.dir, 'package.json'), 'utf8'));
      assert.match(section, new RegExp(`^Licence: ${(manifest.license as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), key);
      assert.match(section, new RegExp(`^Bundled in: ${[...p.bundles].sort().join(', ')}$`, 'm'), key);
      const licenceFile = readdirSync(p.dir).find((n) => /^(licen[cs]e|copying)([.-].*)?$/i.test(n));
      assert.ok(licenceFile, `${key} has no licence file`);
      const licence = readFileSync(path.join(p.dir, licenceFile), 'utf8').replace(/\r\n?/g, '\n').trimEnd();
      assert.ok(section.includes(licence), `${key}: the text of ${licenceFile} is not in the notices`);
    }
  });

  it('ship no ip-address inside the range of GHSA-v2v4-37r5-5v8g (before 10.1.1)', () => {
    const versions = [...packagesInSourceMaps().values()].filter((p) => p.name === 'ip-address').map((p) => p.version);
    assert.ok(versions.length > 0, 'ip-address is no longer bundled: drop this test');
    for (const version of versions) {
      const [major, minor, patch] = version.split('.').map(Number);
      assert.ok(major > 10 || (major === 10 && (minor > 1 || (minor === 1 && patch >= 1))), `ip-address ${version}`);
    }
    assert.ok(![...packagesInSourceMaps().values()].some((p) => p.name === 'ip-cidr'), 'ip-cidr 4.x pins ip-address 9');
  });
});
