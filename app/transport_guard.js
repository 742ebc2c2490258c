// SPDX-License-Identifier: MIT
// quire-transport-guard (web_page.cpp): runs first in every main-frame document, before any of the
// document's own scripts.
//
// A document that is not the app's loses `qt` (the channel's transport): Chromium commits some
// documents (about:blank, the error page of about:srcdoc) without asking acceptNavigationRequest,
// and they are created with the transport.
//
// In the app's document the transport is replaced by one that answers every call QWebChannel
// would drop without a word. Qt 6.4 drops, before any code of Quire's sees them, a message that
// is not JSON it can read (a number such as 0x10 or 1e999, nesting deeper than its parser's
// limit) and a call to an object or method that does not exist; the caller would wait forever.
// Such a message that names an id gets the reply an error envelope would be, here; the others
// pass on unchanged. The page keeps no other way to the native transport: the replacement is
// read-only and the native one lives only in this closure.
(() => {
  'use strict';
  if (location.protocol !== 'quire:' || location.host !== 'app') {
    delete window.qt;
    return;
  }
  const native = window.qt && window.qt.webChannelTransport;
  if (!native) return;

  const INIT = 3;
  const INVOKE_METHOD = 6;
  const RESPONSE = 10;
  // Below the nesting QJsonDocument reads (1024), with room for the message around the arguments.
  const MAX_DEPTH = 1000;
  let pendingInit = null; // the id of the init message, whose reply lists the objects and methods
  let known = null; // object name -> Set of its method indexes and names, once the init reply came
  let handler = null; // the page's (qwebchannel.js's) message handler
  let delivered = null; // handler, learning the init reply on its way

  const depthAndFinite = (value) => {
    // Iterative: a recursive walk would itself overflow on the nesting it is meant to refuse.
    const stack = [[value, 1]];
    while (stack.length > 0) {
      const [item, depth] = stack.pop();
      if (typeof item === 'number' && !Number.isFinite(item)) return { ok: false, why: 'a number too large for JSON' };
      if (item === null || typeof item !== 'object') continue;
      if (depth > MAX_DEPTH) return { ok: false, why: `nesting deeper than ${MAX_DEPTH} levels` };
      for (const inner of Object.values(item)) stack.push([inner, depth + 1]);
    }
    return { ok: true };
  };

  const answer = (id, why) => {
    const envelope = { ok: false, error: { code: 'invalid_argument', message: `Failed to call the backend: ${why}` } };
    const data = JSON.stringify({ type: RESPONSE, id, data: envelope });
    setTimeout(() => handler && handler({ data }), 0);
  };

  /** The message `text` holds, or why QWebChannel would drop it without a reply. */
  const inspect = (text) => {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return { why: 'the message is not JSON' };
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) return { why: 'the message is not a JSON object' };
    const checked = depthAndFinite(message);
    if (!checked.ok) return { why: `the message holds ${checked.why}` };
    if (message.type === INVOKE_METHOD && known) {
      const methods = known.get(message.object);
      if (!methods) return { why: `there is no object '${String(message.object)}'` };
      if (!methods.has(message.method)) return { why: `'${String(message.object)}' has no method '${String(message.method)}'` };
    }
    return { message };
  };

  const learn = (text) => {
    if (pendingInit === null) return;
    let reply;
    try {
      reply = JSON.parse(text);
    } catch {
      return;
    }
    if (!reply || reply.type !== RESPONSE || reply.id !== pendingInit || typeof reply.data !== 'object') return;
    known = new Map(
      Object.entries(reply.data).map(([name, spec]) => [name, new Set((spec.methods || []).flat())]),
    );
    pendingInit = null;
  };

  const guarded = Object.freeze({
    send(text) {
      if (typeof text !== 'string') return native.send(text);
      const { message, why } = inspect(text);
      if (message) {
        if (message.type === INIT && known === null) pendingInit = message.id;
        return native.send(text);
      }
      // An id that the text names, even when it does not parse as a whole.
      const id = /"id"\s*:\s*(-?\d+)/.exec(text);
      if (id) answer(Number(id[1]), why);
      else console.warn(`[quire] dropped a channel message without an id: ${why}`);
      return undefined;
    },
    // QtWebEngine delivers each reply to qt.webChannelTransport.onmessage, read when it arrives:
    // the getter hands it the handler wrapped to learn the objects from the init reply.
    get onmessage() {
      return delivered;
    },
    set onmessage(next) {
      const target = typeof next === 'function' ? next : null;
      handler = target;
      delivered = target && ((message) => {
        learn(message.data);
        target(message);
      });
      native.onmessage = delivered;
    },
  });
  Object.defineProperty(window.qt, 'webChannelTransport', { value: guarded, writable: false, configurable: false, enumerable: true });
  Object.freeze(window.qt);
})();
