// SPDX-License-Identifier: MIT
// Issue 7: user text is text, the view never leaves the app's origin, the CSP blocks remote and
// inline script, and no page but the app's own reaches the bridge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchQuire, makeWorkspace, quireOnAFreshDatabase, rawPageSession } from './support/quire-app.mjs';

const appUrl = 'quire://app/index.html';
const quire = quireOnAFreshDatabase();

const settle = (ms = 1000) => new Promise((r) => setTimeout(r, ms));

test('malicious task titles render as text: no element injected, no handler run', async () => {
  // Given
  const titles = [
    '<img src=x onerror="window.__xss = (window.__xss || 0) + 1">',
    '<script>window.__xss = (window.__xss || 0) + 1</script>',
    '<svg onload="window.__xss = 1"></svg><a href="javascript:window.__xss=1">link</a>',
  ];
  // When
  for (const title of titles) {
    await quire.app.page.evaluate(
      (t) => window.__QUIRE__.invoke('db_create_task', { title: t, priority: 'high', tags: [t], projectIds: [] }),
      title,
    );
  }
  await quire.app.page.waitForFunction((n) => document.querySelectorAll('[data-testid="task-row"]').length === n, {}, titles.length);
  await settle(500);
  // Then
  const seen = await quire.app.page.evaluate(() => ({
    texts: [...document.querySelectorAll('[data-testid="task-row"] .task-title-text')].map((el) => el.textContent),
    childElements: [...document.querySelectorAll('[data-testid="task-row"] .task-title-text')].map((el) => el.children.length),
    injected: document.querySelectorAll('img[src="x"], svg[onload], a[href^="javascript:"], #root script').length,
    xss: window.__xss ?? null,
  }));
  assert.deepEqual([...seen.texts].sort(), [...titles].sort());
  assert.deepEqual(seen.childElements, [0, 0, 0]);
  assert.equal(seen.injected, 0);
  assert.equal(seen.xss, null);
});

for (const target of ['https://example.com/', 'file:///etc/passwd', 'quire://evil/index.html', 'data:text/html,<p>hi</p>']) {
  test(`navigating the view to ${target.slice(0, 24)} is refused and the app stays`, async () => {
    // Given: a marker that a reload or a new document would lose
    await quire.app.page.evaluate(() => {
      window.__marker = 'still here';
    });
    // When
    await quire.app.page.evaluate((url) => {
      window.location.href = url;
    }, target);
    await settle();
    // Then
    assert.equal(quire.app.page.url(), appUrl);
    assert.equal(await quire.app.page.evaluate(() => window.__marker), 'still here');
    assert.equal(await quire.app.page.evaluate(() => window.__QUIRE__.invoke('ping')), 'pong');
  });
}

test('the CSP blocks inline and remote scripts and reports each violation', async () => {
  const result = await quire.app.page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(inline);
    const remoteFailed = new Promise((resolve) => {
      const remote = document.createElement('script');
      remote.src = 'https://example.com/evil.js';
      remote.onload = () => resolve(false);
      remote.onerror = () => resolve(true);
      document.body.appendChild(remote);
    });
    // A string timer is eval; it runs later from the page itself (DevTools' own calls may eval).
    // eslint-disable-next-line no-implied-eval
    setTimeout('window.__stringTimerRan = true', 0);
    const failed = await remoteFailed;
    await new Promise((r) => setTimeout(r, 200));
    return { inlineRan: window.__inlineRan ?? false, remoteFailed: failed, evalRan: window.__stringTimerRan ?? false, violations };
  });
  assert.equal(result.inlineRan, false, JSON.stringify(result));
  assert.equal(result.remoteFailed, true, JSON.stringify(result));
  assert.equal(result.evalRan, false, JSON.stringify(result));
  assert.ok(result.violations.some((v) => v.directive === 'script-src-elem' && v.blocked === 'inline'), JSON.stringify(result.violations));
  assert.ok(
    result.violations.some((v) => v.directive === 'script-src-elem' && v.blocked.startsWith('https://example.com')),
    JSON.stringify(result.violations),
  );
});

test('frames get no bridge: an about:blank iframe has no qt.webChannelTransport and a data: iframe does not load', async () => {
  // Given: the main frame has the transport
  assert.equal(await quire.app.page.evaluate(() => typeof window.qt?.webChannelTransport), 'object');
  // When
  await quire.app.page.evaluate(() => {
    for (const [name, src] of [['blank', 'about:blank'], ['data', 'data:text/html,<p id=x>loaded</p>'], ['srcdoc', null]]) {
      const frame = document.createElement('iframe');
      frame.name = name;
      if (src) frame.src = src;
      else frame.srcdoc = '<p>srcdoc</p>';
      document.body.appendChild(frame);
    }
  });
  await settle();
  // Then
  const frames = quire.app.page.frames().filter((f) => f !== quire.app.page.mainFrame());
  assert.ok(frames.length >= 2, `frames: ${frames.map((f) => f.url()).join(', ')}`);
  for (const frame of frames) {
    const seen = await frame.evaluate(() => ({
      transport: typeof window.qt?.webChannelTransport,
      quire: typeof window.__QUIRE__,
      body: document.body?.innerText ?? '',
    }));
    assert.equal(seen.transport, 'undefined', `frame ${frame.name()} ${frame.url()}`);
    assert.equal(seen.quire, 'undefined', `frame ${frame.name()} ${frame.url()}`);
    if (frame.name() === 'data') assert.ok(!seen.body.includes('loaded'), 'the data: frame must not load');
  }
});

// In an app of its own that puppeteer never attaches to: puppeteer holds every new target it sees
// until resumed, which would make the page look frozen after window.open although it is not.
test('windowOpenIsRefusedAndThePageKeepsAnswering', async () => {
  const own = makeWorkspace();
  const unattached = await launchQuire({ databasePath: own.databasePath, attach: false });
  try {
    const session = await rawPageSession(unattached);
    try {
      assert.equal(await session.evaluate("String(window.open('quire://app/index.html', '_blank'))"), 'null');
      assert.equal(await session.evaluate("String(window.open('https://example.com/'))"), 'null');
      assert.equal(await session.evaluate('location.href'), appUrl);
      assert.equal(await session.evaluate('6 * 7'), 42);
    } finally {
      session.close();
    }
    const targets = await (await fetch(`${unattached.devtoolsUrl}/json/list`)).json();
    assert.deepEqual(targets.filter((t) => t.type === 'page').map((t) => t.url), [appUrl]);
  } finally {
    await unattached.stop();
    own.cleanup();
  }
});
