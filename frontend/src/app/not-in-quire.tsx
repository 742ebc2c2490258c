// SPDX-License-Identifier: MIT
/** Shown in a plain browser (vite dev), where there is no Qt web channel to talk to. */
export function NotInQuire() {
  return (
    <div className="panel-message standalone" role="alert">
      <p className="panel-message-title">Not running inside Quire</p>
      <p className="muted">
        This page talks to the Quire desktop app over Qt WebChannel. Open it from the app, or use the tests
        (npm test), which fake the bridge.
      </p>
    </div>
  );
}
