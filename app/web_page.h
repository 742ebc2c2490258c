// SPDX-License-Identifier: MIT
#pragma once

#include <QWebEnginePage>

namespace quire::app {

/**
 * @brief The page that hosts the UI. Only the app's own origin may load in it, because every page
 * that loads here would see every bridge slot; http(s) links open in the system browser instead.
 */
class WebPage final : public QWebEnginePage
{
    Q_OBJECT

public:
    explicit WebPage(QWebEngineProfile *profile, QObject *parent = nullptr);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(
        JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber, const QString &sourceId) override;
};

/** @brief Settings that close the doors a task manager never needs open. */
void applySecureSettings(QWebEngineProfile &profile);

} // namespace quire::app
