// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QUrl>
#include <QWebEngineUrlSchemeHandler>

namespace quire::app {

/**
 * @brief Serves the bundled UI from Qt resources at quire://app/, a real origin so ES modules and
 * the page's Content-Security-Policy ('self') work, and nothing from outside can be loaded.
 */
class AppSchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;

    static inline const QByteArray scheme = QByteArrayLiteral("quire");

    /** @brief Must run before QApplication exists, as QtWebEngine requires. */
    static void registerScheme();
    /** @brief quire://app/index.html */
    [[nodiscard]] static QUrl entryUrl();
    /** @brief True for URLs this handler serves, i.e. the app's own origin. */
    [[nodiscard]] static bool isAppUrl(const QUrl &url);
    /** @brief The Qt resource path behind an app URL, or an empty string when there is none. */
    [[nodiscard]] static QString resourcePath(const QUrl &url);

    void requestStarted(QWebEngineUrlRequestJob *job) override;
};

} // namespace quire::app
