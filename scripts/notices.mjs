// Third-party notices for the bundles. esbuild copies code from node_modules into dist/client.js,
// dist/server.js and dist/cli.js, and their licences (MIT, ISC, BSD, ...) ask that the copyright
// notice and licence text go with every copy. esbuild's metafile says which files each bundle
// took code from; this module maps them to their npm packages and writes one text file with the
// name, version, licence and full licence file of each. build.mjs calls it after every build.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The package a bundled file belongs to: the folder after its last `node_modules/` (scoped names included). */
const PACKAGE_OF = /^(.*node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*))\//;
const LICENCE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;
/** The comments esbuild counts as legal comments: `//!`, `/*!`, or containing @license or @preserve. */
const LEGAL_COMMENT = /\/\*![\s\S]*?\*\/|\/\/![^\n]*|\/\*(?:(?!\*\/)[\s\S])*?@(?:license|preserve)[\s\S]*?\*\/|\/\/[^\n]*@(?:license|preserve)[^\n]*/g;

/**
 * The npm packages whose code is in the bundles, from esbuild metafiles: for each, its folder,
 * name, version, licence, licence file text, legal comments in its bundled files, and the bundles
 * it is in. Only inputs that put bytes into an output count. Throws when a package has no
 * licence file, so a new dependency cannot ship without its notice.
 */
export function bundledPackages(metafiles, workingDir = process.cwd()) {
  const byDir = new Map();
  for (const metafile of metafiles) {
    for (const [outfile, output] of Object.entries(metafile.outputs)) {
      if (outfile.endsWith('.map')) continue;
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const m = PACKAGE_OF.exec(input.split(path.sep).join('/'));
        if (!m || bytesInOutput === 0) continue;
        const dir = path.resolve(workingDir, m[1]);
        let entry = byDir.get(dir);
        if (!entry) byDir.set(dir, (entry = { dir, files: new Set(), bundles: new Set() }));
        entry.files.add(path.resolve(workingDir, input));
        entry.bundles.add(path.relative(workingDir, path.resolve(workingDir, outfile)).split(path.sep).join('/'));
      }
    }
  }
  const packages = [...byDir.values()].map(({ dir, files, bundles }) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir)
      .filter((name) => LICENCE_FILE.test(name))
      .sort()[0];
    if (!licenceFile) throw new Error(`${manifest.name}@${manifest.version} (${dir}) is bundled but has no LICENSE file: add its notice by hand to scripts/notices.mjs`);
    const legalComments = [];
    for (const file of [...files].sort()) {
      for (const comment of readFileSync(file, 'utf8').match(LEGAL_COMMENT) ?? []) if (!legalComments.includes(comment)) legalComments.push(comment);
    }
    return {
      name: manifest.name,
      version: manifest.version,
      license: licenceOf(manifest),
      licenseFile: licenceFile,
      licenseText: readFileSync(path.join(dir, licenceFile), 'utf8').replace(/\r\n?/g, '\n').trimEnd(),
      legalComments,
      bundles: [...bundles].sort(),
    };
  });
  // The same version installed twice (nested) is listed once.
  const unique = new Map(packages.map((p) => [`${p.name}@${p.version}`, p]));
  return [...unique.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
}

function licenceOf(manifest) {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license?.type) return manifest.license.type;
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'see the licence text';
}

const RULE = '='.repeat(80);
const THIN = '-'.repeat(80);

export function renderNotices(packages, productName) {
  const out = [
    `${productName} includes code from the npm packages listed below, bundled into its JavaScript`,
    'files. Each is given with its version, its licence and the full text of its licence file, as',
    'their licences ask. These packages are the work of their authors, not of this project.',
    '',
    ...packages.map((p) => `  ${p.name} ${p.version} (${p.license})`),
    '',
  ];
  for (const p of packages) {
    out.push(RULE, `${p.name} ${p.version}`, `Licence: ${p.license}`, `Bundled in: ${p.bundles.join(', ')}`, `From its file ${p.licenseFile}:`, THIN, p.licenseText, '');
    if (p.legalComments.length) out.push(THIN, 'Notices in its source code:', ...p.legalComments, '');
  }
  return out.join('\n');
}

/** Writes the notices for the given metafiles to `file`; returns the packages listed. */
export function writeNotices(metafiles, file, productName) {
  const packages = bundledPackages(metafiles);
  writeFileSync(file, renderNotices(packages, productName));
  return packages;
}
