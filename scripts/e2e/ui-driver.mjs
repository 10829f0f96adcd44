// Drives the VS Code workbench (served by code-server, the extension installed from its .vsix)
// in headless Chromium the way a person would: Quick Open, the mouse, Ctrl+., the Problems panel.
// Every wait is on UI state and ends as soon as the state is reached; its ceiling (WAIT) is long,
// because a loaded 2-core machine can take many seconds to render or to answer, and it only ends a
// wait for something that never happens. Steps check outcomes (a file open with the cursor on a
// line), not the layout that led there (which editor group it opened in). A screenshot is taken
// after each step (and on failure).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './lib.mjs';

const EDITOR = '.editor-instance .monaco-editor';
/** The ceiling of every wait (EKS_LENS_E2E_WAIT_MS, default 120 s). */
const WAIT = Number(process.env.EKS_LENS_E2E_WAIT_MS ?? 120_000);

export async function driveUi({ context, url, workspace, outDir }) {
  mkdirSync(outDir, { recursive: true });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (e) => log('page error:', e.message));
  const results = [];
  let shotNumber = 0;
  const shot = async (name) => {
    const file = path.join(outDir, `${String(++shotNumber).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };

  async function step(name, fn) {
    const t = Date.now();
    try {
      const detail = await fn();
      const file = await shot(slug(name));
      results.push({ name, status: 'passed', ms: Date.now() - t, detail, screenshot: file });
      log(`PASS  ${name}${detail ? ` — ${detail}` : ''} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    } catch (e) {
      const file = await shot(`${slug(name)}-FAILED`).catch(() => undefined);
      results.push({ name, status: 'failed', ms: Date.now() - t, detail: e.message, screenshot: file });
      log(`FAIL  ${name}: ${e.message.split('\n').slice(0, 6).join('\n      ')}${file ? `\n      screenshot: ${file}` : ''}`);
    }
  }
  function skip(name, why) {
    results.push({ name, status: 'skipped', ms: 0, detail: why });
    log(`SKIP  ${name}: ${why}`);
  }

  // ---- UI helpers -----------------------------------------------------------------------------

  async function openFile(name) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input.input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
    await page.locator(`${EDITOR} .view-lines .view-line`).first().waitFor();
    // The language server needs the YAML language id; right after opening it can be Plain Text.
    await page.waitForFunction(() => /YAML/i.test(document.getElementById('status.editor.mode')?.textContent ?? ''), null, { timeout: WAIT });
  }

  /** The editor lines (number and text) that carry a squiggle of the given severity (error by default). */
  function squiggledLines(severity = 'error') {
    return page.evaluate(
      ({ editorSel, squiggle }) => {
        const editor = document.querySelector(editorSel);
        if (!editor) return [];
        const rows = (sel) => [...editor.querySelectorAll(sel)].map((el) => ({ el, r: el.getBoundingClientRect() }));
        const lines = rows('.view-lines .view-line');
        const numbers = rows('.margin-view-overlays .line-numbers');
        const at = (list, y) => list.find(({ r }) => y >= r.top && y < r.bottom)?.el.textContent?.replace(/\u00a0/g, ' ') ?? '';
        const seen = new Map();
        for (const { r } of rows(squiggle)) {
          const y = r.top + r.height / 2;
          const line = Number(at(numbers, y));
          seen.set(line, at(lines, y).trim());
        }
        return [...seen].map(([line, text]) => ({ line, text })).sort((a, b) => a.line - b.line);
      },
      { editorSel: EDITOR, squiggle: `.squiggly-${severity}` },
    );
  }

  /** Scrolls the editor to the line of `needle` in fixture `file` with Go to Line (Ctrl+G). */
  async function reveal(file, needle) {
    const line =
      readFileSync(path.join(workspace, file), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(needle)) + 1;
    if (line < 1) throw new Error(`"${needle}" is not in ${file}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input.input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await page
      .locator(`${EDITOR} .margin-view-overlays .line-numbers`)
      .filter({ hasText: new RegExp(`^${line}$`) })
      .first()
      .waitFor();
  }

  /** Screen point in the middle of `needle` as the editor shows it (the line must be on screen). */
  async function pointOf(needle) {
    const p = await page.evaluate(
      ({ editorSel, needle }) => {
        const editor = document.querySelector(editorSel);
        for (const line of editor?.querySelectorAll('.view-lines .view-line') ?? []) {
          const text = line.textContent.replace(/\u00a0/g, ' ');
          const at = text.indexOf(needle);
          if (at < 0) continue;
          let index = at + Math.floor(needle.length / 2);
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (index < node.length) {
              const range = document.createRange();
              range.setStart(node, index);
              range.setEnd(node, index + 1);
              const r = range.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }
            index -= node.length;
          }
        }
        return null;
      },
      { editorSel: EDITOR, needle },
    );
    if (!p) throw new Error(`"${needle}" is not on screen in the editor`);
    return p;
  }

  async function clearHover() {
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => ![...document.querySelectorAll('.monaco-hover')].some((h) => h.checkVisibility?.() && h.textContent.trim()), null, { timeout: 5_000 }).catch(() => {});
  }

  /** Moves the mouse onto `needle` and waits for a hover box whose text matches every pattern. */
  async function hover(needle, patterns) {
    const sources = patterns.map((p) => [p.source, p.flags]);
    // The mouse comes onto the word again every 20 s until WAIT is spent: a hover that a busy
    // editor dropped is asked for again, as a person would move the mouse.
    const until = Date.now() + WAIT;
    let handle;
    for (;;) {
      await clearHover();
      const { x, y } = await pointOf(needle);
      await page.mouse.move(x - 6, y, { steps: 3 });
      await page.mouse.move(x, y, { steps: 3 });
      handle = await page
        .waitForFunction(
          (sources) => {
            for (const h of document.querySelectorAll('.monaco-hover')) {
              if (!h.checkVisibility?.()) continue;
              const text = h.innerText;
              if (sources.every(([s, f]) => new RegExp(s, f).test(text))) return text;
            }
            return false;
          },
          sources,
          { timeout: 20_000 },
        )
        .catch(() => undefined);
      if (handle) break;
      if (Date.now() > until) {
        const seen = await page.evaluate(() => [...document.querySelectorAll('.monaco-hover')].filter((h) => h.checkVisibility?.()).map((h) => h.innerText));
        throw new Error(`no hover on "${needle}" matching ${patterns.join(' and ')} within ${WAIT / 1000} s; visible hovers: ${JSON.stringify(seen).slice(0, 600)}`);
      }
      log(`hover on "${needle}": no matching box yet; moving the mouse onto it again`);
    }
    // Let the fade-in finish, so the screenshot shows the box as a person sees it.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 5_000 }).catch(() => {});
    return (await handle.jsonValue()).replace(/\s+/g, ' ');
  }

  // ---- the steps --------------------------------------------------------------------------------

  let workbench = false;
  await step('workbench opens the fixture workspace', async () => {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT });
    await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="cluster.yaml"]').waitFor({ timeout: WAIT });
    workbench = true;
    return 'explorer lists cluster.yaml';
  });
  if (!workbench) return { results };

  await step('eksctl: error squiggle on the overlapping subnet, listed in Problems as subnet-overlap', async () => {
    await openFile('cluster.yaml');
    await page.locator(`${EDITOR} .squiggly-error`).first().waitFor({ timeout: WAIT });
    const expected = [
      { line: 22, text: 'cidr: 10.0.0.0/19' },
      { line: 25, text: 'cidr: 10.0.16.0/20' },
    ];
    let lines = [];
    // Both findings' decorations: poll until both are drawn, they can arrive in two renders.
    for (const until = Date.now() + WAIT; Date.now() < until; await page.waitForTimeout(200)) {
      lines = await squiggledLines();
      if (JSON.stringify(lines) === JSON.stringify(expected)) break;
    }
    if (JSON.stringify(lines) !== JSON.stringify(expected)) throw new Error(`squiggles on ${JSON.stringify(lines)}, expected ${JSON.stringify(expected)}`);
    const status = await page.locator('#status\\.problems').getAttribute('aria-label');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'subnet-overlap' }).first().waitFor();
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    // Finding rows end "source(code) [Ln l, Col c]"; the rows under them are related locations.
    const findings = texts.filter((t) => /\[Ln \d+, Col \d+\]$/.test(t));
    if (!findings.some((t) => /^Subnet 10\.0\.0\.0\/19 overlaps 10\.0\.16\.0\/20 .*eks-lens ?\(?subnet-overlap\)? \[Ln 22, Col 15\]$/.test(t))) {
      throw new Error(`no subnet-overlap row for line 22 in the Problems panel: ${JSON.stringify(texts)}`);
    }
    if (findings.length !== 2 || findings.some((t) => !/subnet-overlap/.test(t))) {
      throw new Error(`expected exactly the two subnet-overlap findings; rows: ${JSON.stringify(texts)}`);
    }
    return `squiggles on lines ${lines.map((l) => l.line).join(', ')}; status bar "${status}"; Problems: ${findings[0].slice(0, 140)}`;
  });

  await step('hover on the VPC CIDR shows its address facts', async () => {
    const text = await hover('10.0.0.0/16', [/65,536 addresses/, /65,531 usable/]);
    return text.slice(0, 160);
  });

  await step('hover on a squiggled subnet CIDR shows the finding and the address facts', async () => {
    const text = await hover('10.0.0.0/19', [/overlaps/, /8,192 addresses/, /usable/]);
    return text.slice(0, 160);
  });

  await step('hover on managedNodeGroups explains the term', async () => {
    await reveal('cluster.yaml', 'managedNodeGroups:');
    const text = await hover('managedNodeGroups', [/managed node groups/i]);
    return text.slice(0, 160);
  });

  let menuShot;
  await step('CloudFormation: Ctrl+. offers "Move subnet SubnetB …"; applying it removes the squiggles', async () => {
    await clearHover();
    await openFile('network.yaml');
    await page.locator(`${EDITOR} .squiggly-error`).first().waitFor({ timeout: WAIT });
    const { x, y } = await pointOf('10.0.16.0/20');
    const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: /Move subnet SubnetB to 10\.0\.32\.0\/20/ });
    // Ctrl+. asks for the actions at that moment; on a loaded machine the menu can come back
    // before the editor has the diagnostics it offers fixes for. Ask again until WAIT is spent.
    for (let attempt = 1, until = Date.now() + WAIT; ; attempt++) {
      await page.mouse.click(x, y);
      await page.mouse.move(5, 5);
      await page.keyboard.press('Control+.');
      try {
        await fix.first().waitFor({ timeout: 15_000 });
        break;
      } catch (error) {
        if (Date.now() > until) throw error;
        log(`quick fix: the menu had no "Move subnet SubnetB" on attempt ${attempt}; asking again`);
        await page.keyboard.press('Escape');
      }
    }
    const offered = (await page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    menuShot = await shot('quick-fix-menu');
    await fix.first().click();
    await fix.first().waitFor({ state: 'hidden' });
    await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .squiggly-error`).length === 0, EDITOR, { timeout: WAIT });
    await pointOf('CidrBlock: 10.0.32.0/20'); // the text changed
    // The Problems panel follows (it is throttled): network.yaml's rows go, cluster.yaml's stay.
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent);
        return !rows.some((t) => /network\.yaml/.test(t)) && rows.some((t) => /cluster\.yaml/.test(t));
      },
      null,
      { timeout: WAIT },
    );
    // …and so do the error counts on the explorer row and the tab ("• 2 problems in this file").
    await page.waitForFunction(
      () => {
        const labels = document.querySelectorAll(
          '.explorer-folders-view .monaco-list-row[aria-label^="network.yaml"] .monaco-icon-label, .tabs-container .tab[aria-label^="network.yaml"] .monaco-icon-label',
        );
        return labels.length === 2 && [...labels].every((l) => !/problem/.test(l.getAttribute('aria-label') ?? ''));
      },
      null,
      { timeout: WAIT },
    );
    return `menu: ${JSON.stringify(offered)}; after the fix the line reads "CidrBlock: 10.0.32.0/20" and no squiggle is left; Problems, explorer and tab no longer count problems in network.yaml`;
  });

  // The address map. Run from the command palette, it opens a webview beside the editor (VS Code
  // puts the page two iframes deep: iframe.webview > iframe#active-frame). Each subnet is drawn as
  // a control carrying its file and 0-based line; a click on one, or Enter on a focused one, must
  // open that file in the editor with the cursor on that line. The step closes the map again,
  // so the steps after it find one editor group, as before.
  let mapShot;
  /** Side bar and panel, hidden for the map's screenshot: [part, the key that toggles it]. */
  const hiddenParts = [];
  const mapTab = page.locator('.tabs-container .tab').filter({ hasText: 'Address map: workspace' });
  /** Closes the map and shows what was hidden (also after a failure half-way through the step). */
  async function restoreLayout() {
    if (await mapTab.count()) {
      await mapTab.locator('.tab-actions .action-label').first().click();
      await page.waitForFunction(() => document.querySelectorAll('.part.editor .editor-group-container').length === 1 && !document.querySelector('iframe.webview'), null, { timeout: WAIT });
    }
    for (const [part, key] of hiddenParts.splice(0)) {
      await page.keyboard.press(key);
      await part.waitFor({ state: 'visible', timeout: WAIT });
    }
    // Showing the panel focuses it: give the keyboard back to the editor, where it was.
    await page.keyboard.press('Control+1');
    await page.waitForFunction(() => !!document.activeElement?.closest('.part.editor .monaco-editor'), null, { timeout: WAIT });
  }
  await step('address map: the palette command draws the VPCs; a clicked subnet, or Enter on one, opens its file at its line', async () => {
    /** Runs `fn`, naming `what` in its error. */
    const doing = async (what, fn) => {
      try {
        return await fn();
      } catch (e) {
        throw new Error(`${what}: ${e.message}`);
      }
    };
    await clearHover();
    // Start from another file, so that landing in cluster.yaml is the click's doing.
    await doing('opening network.yaml', () => openFile('network.yaml'));
    await doing('running "EKS Lens: Show Address Map" from the palette (F1)', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input.input').first();
      await input.waitFor({ state: 'visible' });
      await input.fill('>EKS Lens: Show Address Map');
      await page.locator('.quick-input-list .monaco-list-row[aria-label*="EKS Lens: Show Address Map"]').first().waitFor();
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden' });
      await mapTab.first().waitFor({ timeout: WAIT });
    });

    const map = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const fixtureLine = (file, needle) => {
      const n =
        readFileSync(path.join(workspace, file), 'utf8')
          .split('\n')
          .findIndex((l) => l.includes(needle)) + 1;
      if (n < 1) throw new Error(`"${needle}" is not in ${file}`);
      return n;
    };
    /** The block of `file` whose label has `label`: checked to be a keyboard control for `line`. */
    async function block(kind, file, label, line) {
      const el = map.locator(`svg rect[data-kind="${kind}"][data-uri$="/${file}"][aria-label*="${label}"]`);
      await doing(`waiting for the ${kind} "${label}" of ${file} in the map's webview`, () => el.first().waitFor({ timeout: WAIT }));
      if ((await el.count()) !== 1) throw new Error(`${await el.count()} ${kind} blocks of ${file} labelled "${label}"`);
      const [uri, dataLine, tabindex, role] = await Promise.all(['data-uri', 'data-line', 'tabindex', 'role'].map((a) => el.getAttribute(a)));
      if (fileURLToPath(uri) !== path.join(workspace, file)) throw new Error(`the ${kind} "${label}" points at ${uri}, not at the workspace's ${file}`);
      if (Number(dataLine) + 1 !== line) throw new Error(`the ${kind} "${label}" points at line ${Number(dataLine) + 1} of ${file}, expected ${line}`);
      if (tabindex !== '0' || role !== 'button') throw new Error(`the ${kind} "${label}" is not a control (tabindex=${tabindex}, role=${role}): did the page's script run?`);
      return el;
    }
    /**
     * Waits for the outcome: `file` open in an editor whose cursor is on `line` (whichever editor
     * group VS Code chose for it), and the status bar, which follows the focused editor, at the start
     * of that line.
     */
    async function cursorAt(file, line) {
      const want = `Ln ${line}, Col 1`;
      await page
        .waitForFunction(
          ({ file, line, want }) => {
            const status = document.getElementById('status.editor.selection')?.textContent ?? '';
            if (!status.includes(want)) return false;
            return [...document.querySelectorAll('.part.editor .editor-group-container')].some(
              (group) =>
                group.querySelector(`.tabs-container .tab.active[aria-label^="${file}"]`) &&
                group.querySelector('.margin-view-overlays .line-numbers.active-line-number')?.textContent.trim() === String(line),
            );
          },
          { file, line, want },
          { timeout: WAIT },
        )
        .catch(async () => {
          const status = await page
            .locator('#status\\.editor\\.selection')
            .innerText()
            .catch(() => '(none)');
          const tabs = await page.locator('.tabs-container .tab.active').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
          throw new Error(`expected ${file} open at "${want}"; status bar shows "${status}", active tabs ${JSON.stringify(tabs)}`);
        });
      return want;
    }

    // The map of the workspace: cluster.yaml's VPC block and its two subnets are drawn.
    const vpcLine = fixtureLine('cluster.yaml', 'cidr: 10.0.0.0/16');
    const vpc = await block('block', 'cluster.yaml', 'Primary block 10.0.0.0/16', vpcLine);
    const subnetLine = fixtureLine('cluster.yaml', 'cidr: 10.0.0.0/19');
    const subnet = await block('subnet', 'cluster.yaml', 'us-west-2a, 10.0.0.0/19', subnetLine);
    await block('subnet', 'cluster.yaml', 'us-west-2b, 10.0.16.0/20', fixtureLine('cluster.yaml', 'cidr: 10.0.16.0/20'));
    // …and the CIDRs are written in the drawing itself, not only in its accessible labels.
    const drawn = (await map.locator('svg text').allTextContents()).join('\n');
    for (const cidr of ['Primary block 10.0.0.0/16', '10.0.0.0/19', '10.0.16.0/20']) {
      if (!drawn.includes(cidr)) throw new Error(`the drawing does not show "${cidr}": ${JSON.stringify(drawn.slice(0, 400))}`);
    }
    const summary = (await map.locator('p.summary').innerText()).trim();
    const vpcLabel = await vpc.getAttribute('aria-label');
    if (!(await page.locator('.tabs-container .tab.active[aria-label^="network.yaml"]').count())) {
      throw new Error('opening the map closed or replaced network.yaml');
    }

    // A click on us-west-2a, on its left half (the right half lies under the overlap's hatching).
    await subnet.click({ position: { x: 8, y: 12 } });
    const clicked = await doing('after the click on us-west-2a', () => cursorAt('cluster.yaml', subnetLine));
    // The picture: side bar and panel out of the way, the map's group widened so the drawing is
    // legible beside the line that was opened.
    await doing('making room for the screenshot', async () => {
      for (const [id, key] of [
        ['workbench.parts.sidebar', 'Control+B'],
        ['workbench.parts.panel', 'Control+J'],
      ]) {
        const part = page.locator(`[id="${id}"]`);
        if (!(await part.isVisible())) continue;
        await page.keyboard.press(key);
        await part.waitFor({ state: 'hidden', timeout: WAIT });
        hiddenParts.push([part, key]);
      }
      const groups = await page.locator('.part.editor .editor-group-container').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      if (groups.length === 2) {
        const y = groups[0].top + groups[0].height / 2;
        await page.mouse.move(groups[0].right, y);
        await page.mouse.down();
        await page.mouse.move(groups[0].left + 440, y, { steps: 8 });
        await page.mouse.up();
      }
      await page.mouse.move(5, 5);
      await map.locator('svg').first().waitFor();
      await page.waitForTimeout(300); // the webview follows the new layout a frame later
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 5_000 }).catch(() => {});
    });
    mapShot = path.join(outDir, 'address-map.png');
    await page.screenshot({ path: mapShot });

    // The keyboard: Enter on network.yaml's SubnetA opens network.yaml at its CidrBlock line.
    const netLine = fixtureLine('network.yaml', 'CidrBlock: 10.0.0.0/19');
    const subnetA = await block('subnet', 'network.yaml', 'SubnetA, 10.0.0.0/19', netLine);
    await subnetA.focus();
    await subnetA.press('Enter');
    const pressed = await doing('after Enter on SubnetA', () => cursorAt('network.yaml', netLine));

    await doing('closing the map and restoring the layout', restoreLayout);
    return `map "${summary.slice(0, 80)}"; ${vpcLabel}; click on us-west-2a: cluster.yaml "${clicked}"; Enter on SubnetA: network.yaml "${pressed}"`;
  });
  if ((await mapTab.count()) || hiddenParts.length) await restoreLayout().catch((e) => log(`could not restore the layout after the address map: ${e.message.split('\n')[0]}`));

  // Snippets: in a new, empty YAML file, type a prefix, ask for suggestions (Ctrl+Space: in YAML a
  // plain word is a string, where quick suggestions are off), accept the snippet with Enter, and
  // expect its text with no squiggle of any severity (the cluster's default VPC block 10.0.0.0/16
  // is network.yaml's too, but nothing in the workspace connects the two VPCs, so vpc-cidr-overlap
  // says nothing). The hover on one of its CIDRs shows the
  // server has the inserted text; for the cluster, a wrong value typed at a tab stop must then
  // bring a squiggle (so "no squiggle" is a real answer), and undoing it must take it away.
  const snippetFile = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).contributes?.snippets?.find((s) => s.language === 'yaml')?.path;
  const snippets = snippetFile ? Object.values(JSON.parse(readFileSync(new URL(`../../${snippetFile}`, import.meta.url), 'utf8'))) : [];
  const cases = [
    { prefix: 'eks-cluster', expect: 'kind: ClusterConfig', cidr: '10.0.0.0/16', facts: [/65,536 addresses/], tabTo: 4, wrong: '10.0.0.0/8' },
    { prefix: 'k8s-network-policy', expect: 'kind: NetworkPolicy', cidr: '169.254.169.254/32', facts: [/1 address/, /link-local/] },
  ];
  for (const c of cases) {
    const snippet = snippets.find((s) => s.prefix === c.prefix);
    if (!snippet) {
      skip(`snippet ${c.prefix} expands to a file with no findings`, `no ${c.prefix} snippet in ${snippetFile ?? 'package.json'}`);
      continue;
    }
    await step(`snippet ${c.prefix}: typed in a new YAML file and accepted from the suggestions, it expands with no squiggle`, async () => {
      await clearHover();
      const name = `new-${c.prefix}.yaml`;
      writeFileSync(path.join(workspace, name), '');
      // Opened from the explorer, which shows a new file at once (Quick Open's file list is cached).
      await page.keyboard.press('Escape');
      await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).click({ timeout: WAIT });
      await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
      await page.waitForFunction(() => /YAML/i.test(document.getElementById('status.editor.mode')?.textContent ?? ''), null, { timeout: WAIT });
      await page.locator(`${EDITOR} .view-lines`).click();
      await page.keyboard.type(c.prefix);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      const widget = page.locator('.editor-widget.suggest-widget');
      const row = widget.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${c.prefix}$`) }) });
      await row.first().waitFor({ timeout: WAIT });
      const offered = (await widget.locator('.monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim());
      // Enter accepts the focused suggestion: move the focus onto the snippet first.
      for (let n = 0; n < 20 && !(await row.first().evaluate((el) => el.classList.contains('focused'))); n++) await page.keyboard.press('ArrowDown');
      if (!(await row.first().evaluate((el) => el.classList.contains('focused')))) throw new Error(`could not focus ${c.prefix} among ${JSON.stringify(offered)}`);
      const detail = (await row.first().innerText()).replace(/\s+/g, ' ').trim();
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden' });
      const linesText = () => page.evaluate((sel) => [...document.querySelectorAll(`${sel} .view-lines .view-line`)].map((l) => l.textContent.replace(/\u00a0/g, ' ')), EDITOR);
      await page.waitForFunction(
        ({ sel, expect }) => [...document.querySelectorAll(`${sel} .view-lines .view-line`)].some((l) => l.textContent.replace(/\u00a0/g, ' ').includes(expect)),
        { sel: EDITOR, expect: c.expect },
        { timeout: WAIT },
      );
      const shown = await linesText();
      if (shown.some((l) => l.trim() === c.prefix)) throw new Error(`the typed prefix is still in the file: ${JSON.stringify(shown.slice(0, 5))}`);
      const squiggles = `${EDITOR} .squiggly-error, ${EDITOR} .squiggly-info, ${EDITOR} .squiggly-hint`;
      const unexpectedWarnings = async () => (await squiggledLines('warning')).filter((l) => !(c.crossFileWarning && l.text.includes(c.crossFileWarning)));
      const noSquiggleFor = async (ms) => {
        for (const until = Date.now() + ms; Date.now() < until; await page.waitForTimeout(250)) {
          const n = await page.locator(squiggles).count();
          if (n) throw new Error(`${n} squiggle(s) on ${JSON.stringify(await squiggledLines())} in the expanded ${c.prefix}`);
          const warned = await unexpectedWarnings();
          if (warned.length) throw new Error(`warning squiggle(s) on ${JSON.stringify(warned)} in the expanded ${c.prefix}`);
        }
      };
      let control = '';
      if (c.tabTo) {
        // Still in snippet mode with tab stop 1 selected: Tab on to the VPC CIDR's stop, type over it.
        for (let n = 1; n < c.tabTo; n++) await page.keyboard.press('Tab');
        await page.keyboard.type(c.wrong);
        await page.locator(`${EDITOR} .squiggly-error`).first().waitFor({ timeout: WAIT });
        const flagged = await squiggledLines();
        if (!flagged.some((l) => l.text.includes(c.wrong))) throw new Error(`the squiggle is not on the line typed at tab stop ${c.tabTo}: ${JSON.stringify(flagged)}`);
        await page.keyboard.press('Control+Z');
        await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .squiggly-error`).length === 0, EDITOR, { timeout: WAIT });
        control = `; ${c.wrong} typed at tab stop ${c.tabTo} was squiggled on line ${flagged.map((l) => l.line).join(', ')}, undo cleared it`;
      }
      // The hover answers from the server's copy of the text: it has the inserted snippet. Its line
      // is the snippet body's (no placeholder spans lines); Go to Line brings it on screen.
      const line = snippet.body.findIndex((l) => l.includes(c.cidr)) + 1;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input.input').first();
      await input.waitFor({ state: 'visible' });
      await input.fill(`:${line}`);
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden' });
      await page
        .locator(`${EDITOR} .margin-view-overlays .line-numbers`)
        .filter({ hasText: new RegExp(`^${line}$`) })
        .first()
        .waitFor();
      const hoverText = await hover(c.cidr, c.facts);
      await clearHover();
      await noSquiggleFor(2_000);
      let crossFile = '';
      if (c.crossFileWarning) {
        const warned = await squiggledLines('warning');
        if (!warned.some((l) => l.text.includes(c.crossFileWarning))) throw new Error(`no vpc-cidr-overlap warning on "${c.crossFileWarning}": warnings on ${JSON.stringify(warned)}`);
        crossFile = `; the only squiggle is the cross-file warning on "${c.crossFileWarning}" (network.yaml's VPC)`;
      }
      await page.keyboard.press('Control+S');
      return `suggested as "${detail.slice(0, 80)}"; ${shown.filter((l) => l.trim()).length} lines shown${control}; hover on ${c.cidr}: "${hoverText.slice(0, 60)}"; no squiggle${crossFile}`;
    });
  }

  return { results, menuShot, mapShot };
}

function slug(name) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
