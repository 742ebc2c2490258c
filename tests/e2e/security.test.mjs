// SPDX-License-Identifier: MIT
// Issue 7: user text is text, the view never leaves the app's origin, the CSP blocks remote and
// inline script, and no page but the app's own reaches the bridge.
// Issue 16: leaving by script (about: URLs, which Chromium commits without asking
// acceptNavigationRequest on Qt 6.4.2) brings the app back and never hands the bridge to another
// document; scripts cannot open the system browser.
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

test('every raw channel message that names an id is answered, even one QWebChannel would drop', async () => {
  // Given raw protocol messages as a script could send them, each with its own id, and a good one last
  const messages = {
    9001: '{"type":6,"object":"nosuch","method":"ping","args":[{}],"id":9001}',
    9002: '{"type":6,"object":"app","method":"no_such_method","args":[{}],"id":9002}',
    9003: '{"type":6,"object":"app","method":"ping","args":[{"x":1e999}],"id":9003}',
    9004: '{"type":6,"object":"app","method":"ping","args":[{"x":0x10}],"id":9004}',
    9005: `{"type":6,"object":"app","method":"ping","args":[${'['.repeat(10000)}${']'.repeat(10000)}],"id":9005}`,
    9006: '[6, "app", "ping"] {"id": 9006}',
  };
  // When they are sent on the page's transport (the one qwebchannel.js uses)
  const seen = await quire.app.page.evaluate(async (raw) => {
    const transport = window.qt.webChannelTransport;
    const replies = {};
    const handler = transport.onmessage;
    transport.onmessage = (message) => {
      const reply = JSON.parse(message.data);
      if (reply.id >= 9000) replies[reply.id] = reply.data;
      else handler(message);
    };
    try {
      for (const text of Object.values(raw)) transport.send(text);
      const ping = await window.__QUIRE__.invoke('ping', {});
      await new Promise((resolve) => setTimeout(resolve, 500));
      try {
        window.qt.webChannelTransport = { send() {} };
        delete window.qt.webChannelTransport;
      } catch {
        // Refused loudly in strict code; quietly otherwise.
      }
      const replaced = window.qt.webChannelTransport !== transport;
      return { replies, ping, replaced };
    } finally {
      transport.onmessage = handler;
    }
  }, messages);
  // Then each gets an error envelope saying why, the good call still works, and the transport stays the guarded one
  assert.deepEqual(Object.keys(seen.replies).sort(), Object.keys(messages).sort());
  for (const [id, reply] of Object.entries(seen.replies)) {
    assert.equal(reply.ok, false, `${id}: ${JSON.stringify(reply)}`);
    assert.equal(reply.error.code, 'invalid_argument', `${id}: ${JSON.stringify(reply)}`);
  }
  assert.match(seen.replies[9001].error.message, /there is no object 'nosuch'/);
  assert.match(seen.replies[9002].error.message, /'app' has no method 'no_such_method'/);
  assert.match(seen.replies[9003].error.message, /a number too large for JSON/);
  assert.match(seen.replies[9004].error.message, /not JSON/);
  assert.match(seen.replies[9005].error.message, /nesting deeper than/);
  assert.match(seen.replies[9006].error.message, /not JSON/);
  assert.equal(seen.ping, 'pong');
  assert.equal(seen.replaced, false);
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

/**
 * Every main-frame document that is not the app's reports, from its first task on and every few
 * milliseconds, whether it can see the channel's transport: what its own scripts could reach.
 * Returns the reports and a stop().
 */
async function watchForeignDocuments(page) {
  const reports = [];
  const listener = (message) => {
    const match = /^quire-foreign-document (.*)$/.exec(message.text());
    if (match) reports.push(JSON.parse(match[1]));
  };
  page.on('console', listener);
  const { identifier } = await page.evaluateOnNewDocument(() => {
    if (window !== window.top || (location.protocol === 'quire:' && location.host === 'app')) return;
    const report = () =>
      console.debug(`quire-foreign-document ${JSON.stringify({ url: location.href, transport: typeof window.qt?.webChannelTransport })}`);
    setTimeout(report, 0);
    setInterval(report, 5);
  });
  return {
    reports,
    stop: async () => {
      page.off('console', listener);
      await page.removeScriptToEvaluateOnNewDocument(identifier);
    },
  };
}

// What each does: 'returns' commits a foreign document, then the app is loaded again; 'refused'
// is stopped by acceptNavigationRequest; 'settles' may or may not commit the foreign document first.
const leavingScripts = [
  ['location to about:blank', "location.href = 'about:blank'", 'returns'],
  ['location to about:blank#anchor', "location.href = 'about:blank#anchor'", 'returns'],
  ['location to about:srcdoc', "location.href = 'about:srcdoc'", 'returns'],
  ['location.replace to about:invalid', "location.replace('about:invalid')", 'returns'],
  ['a link to about:blank', "Object.assign(document.body.appendChild(document.createElement('a')), { href: 'about:blank' }).click()", 'returns'],
  ['a form posted to about:blank', "Object.assign(document.body.appendChild(document.createElement('form')), { action: 'about:blank', method: 'post' }).submit()", 'returns'],
  ['location to a blob: page', "location.href = URL.createObjectURL(new Blob(['<p>blob</p>'], { type: 'text/html' }))", 'refused'],
  ['about:blank, then straight back to the app', "location.href = 'about:blank'; location.href = 'quire://app/index.html'", 'settles'],
];

/** Resolves once `check()` holds, polling; rejects after `ms`. */
async function eventually(check, ms, what) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle(50);
  }
}

for (const [name, leave, outcome] of leavingScripts) {
  test(`leaving the app by script (${name}): the app's page comes back and no other document sees the bridge`, async () => {
    // Given
    const page = quire.app.page;
    const foreign = await watchForeignDocuments(page);
    const committed = [];
    const onNavigated = (frame) => frame === page.mainFrame() && committed.push(frame.url());
    page.on('framenavigated', onNavigated);
    try {
      await page.evaluate(() => {
        window.__marker = 'the document before';
      });
      // When
      await page.evaluate(leave);
      // Then the app's own page is loaded again: once without the channel (the foreign document
      // is gone only then), once more with it. A refused navigation commits nothing.
      if (outcome === 'returns') {
        await eventually(
          () => committed.length >= 3 && committed[0] !== appUrl && committed.slice(-2).every((url) => url === appUrl),
          15_000,
          `the app's page twice after the foreign document (${committed.join(', ')})`,
        );
      } else if (outcome === 'refused') {
        await settle();
        assert.deepEqual(committed, []);
      } else {
        await settle(2000);
      }
      await page.waitForFunction(
        () => typeof window.qt?.webChannelTransport === 'object' && typeof window.__QUIRE__?.invoke === 'function',
        { timeout: 15_000 },
      );
      assert.equal(page.url(), appUrl);
      assert.equal(await page.evaluate(() => window.__QUIRE__.invoke('ping')), 'pong');
      const state = await page.evaluate(() => ({ marker: window.__marker ?? null, history: history.length }));
      if (outcome === 'returns') {
        assert.equal(state.marker, null, 'the app was loaded again');
        assert.equal(state.history, 1, 'Back cannot lead to the foreign document');
        // That a foreign document was there is the first commit above. Whether its own timer ran
        // before the app replaced it is a race (about 1 run in 20 lost it): the reports below are
        // checked whenever it did, and must never show the transport.
      } else if (outcome === 'refused') {
        assert.equal(state.marker, 'the document before', 'a refused navigation leaves the document alone');
      }
      // and no script of another document could reach the transport
      const exposed = foreign.reports.filter((r) => r.transport !== 'undefined');
      assert.deepEqual(exposed, [], JSON.stringify(foreign.reports.slice(0, 5)));
      if (outcome !== 'settles') assert.equal(committed.length, outcome === 'returns' ? 3 : 0, `one return, no loop: ${committed.join(', ')}`);
    } finally {
      page.off('framenavigated', onNavigated);
      await foreign.stop();
    }
  });
}

/** The offscreen platform cannot open URLs and says so on each call of QDesktopServices::openUrl. */
const browserOpenings = (output) => (output.match(/openUrl\(\) for '[^']*'/g) ?? []).length;

test('scripts cannot open the system browser: one location change and 20 scripted clicks open nothing', async () => {
  // Given
  const page = quire.app.page;
  const before = quire.app.output().length;
  // When a script tries it both ways
  await page.evaluate(() => {
    window.location.href = 'https://example.com/by-location';
  });
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: 'https://example.com/by-click', textContent: 'out' });
    document.body.append(link);
    for (let i = 0; i < 20; i += 1) link.click();
    link.remove();
  });
  await settle();
  // Then nothing was handed to the desktop, each attempt was refused, and the app stayed
  const output = quire.app.output().slice(before);
  assert.equal(browserOpenings(output), 0, output);
  assert.equal((output.match(/refused to open "https:\/\/example.com\/by-click"/g) ?? []).length, 20, output);
  assert.equal((output.match(/refused to open "https:\/\/example.com\/by-location"/g) ?? []).length, 1, output);
  assert.equal(page.url(), appUrl);
});

test('input injected through DevTools is no person either: a puppeteer click on a link opens nothing', async () => {
  // Given a link where a person could click it
  const page = quire.app.page;
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { id: 'external', href: 'https://example.com/devtools-click', textContent: 'out' });
    Object.assign(link.style, { position: 'fixed', left: '0', top: '0', width: '80px', height: '40px', zIndex: '99999', background: 'white' });
    document.body.append(link);
  });
  const before = quire.app.output().length;
  // When DevTools clicks it (Chromium treats that input as trusted, but it never passed through Qt)
  await page.click('#external');
  await settle();
  await page.evaluate(() => document.getElementById('external').remove());
  // Then
  const output = quire.app.output().slice(before);
  assert.equal(browserOpenings(output), 0, output);
  assert.match(output, /refused to open "https:\/\/example.com\/devtools-click"/);
});
