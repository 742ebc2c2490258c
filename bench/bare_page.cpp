// SPDX-License-Identifier: MIT
// The start-up baseline: a QWebEngineView with a trivial page, nothing else (no channel, no scheme).
// The page records, as epoch milliseconds, when its one row exists and when the frame after it
// starts (window.__BENCH__), read by bench/run.mjs over remote debugging like Quire's own page.
#include <QApplication>
#include <QMainWindow>
#include <QUrl>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication application(argc, argv);
    QMainWindow window;
    auto *view = new QWebEngineView(&window);
    window.setCentralWidget(view);
    window.resize(1200, 800);
    view->setHtml(uR"(<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head><body>
<div data-testid="task-row">A trivial page</div>
<script>
  const exists = performance.timeOrigin + performance.now();
  requestAnimationFrame(() => {
    window.__BENCH__ = { exists, frame: performance.timeOrigin + performance.now() };
  });
</script></body></html>)"_s,
        QUrl(u"https://bench.invalid/"_s));
    window.show();
    return QApplication::exec();
}
