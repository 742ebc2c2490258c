// SPDX-License-Identifier: MIT
#pragma once

#include <QWebEnginePage>

class QWebChannel;
class QWebEngineLoadingInfo;

namespace quire::app {

class ExternalLinkOpener;

/**
 * @brief The page that hosts the UI. Only the app's own origin may load in it, because every page
 * that loads here would see every bridge slot; http(s) links a person clicks open in the system
 * browser instead.
 *
 * Chromium commits some navigations without asking acceptNavigationRequest (on Qt 6.4.2 every
 * about: URL: about:blank, about:srcdoc, about:anything; see tests/e2e/security.test.mjs), so the
 * page also follows what actually loads: the web channel is attached only while the app's own
 * document is loading or loaded, a foreign document loses the transport before its own scripts
 * run, and the app's page is loaded again in its place.
 */
class WebPage final : public QWebEnginePage
{
    Q_OBJECT

public:
    WebPage(QWebEngineProfile *profile, ExternalLinkOpener &externalLinks, QObject *parent = nullptr);

    /**
     * @brief The channel of the bridges: attached while the app's document is loaded, detached
     * for any other; nullptr detaches it for good (shutdown). It must outlive the page, or be
     * detached first.
     */
    void setAppChannel(QWebChannel *channel);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(
        JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber, const QString &sourceId) override;

private:
    // Everything goes through setAppChannel(), which knows when the channel may be attached.
    using QWebEnginePage::setWebChannel;

    void followLoading(const QWebEngineLoadingInfo &loading);
    void followUrl(const QUrl &url);
    /** @brief A foreign document is coming or there: the channel goes at once. */
    void leaveApp(const QUrl &foreign);
    /** @brief Loads the app's page again, without the channel until it is there. */
    void returnToApp();
    /** @brief The app's page is back: attach the channel and reload so its scripts get it. */
    void finishReturn();

    ExternalLinkOpener &m_externalLinks;
    // Not a QPointer: the channel outlives the page (Session::close() destroys the page first), and
    // clang-analyzer misreads QPointer's shared count as a use after free.
    QWebChannel *m_appChannel = nullptr;
    bool m_away = false; // a foreign document is loading or loaded
    bool m_returning = false; // returnToApp() is loading the app's page
};

/** @brief Settings that close the doors a task manager never needs open. */
void applySecureSettings(QWebEngineProfile &profile);

} // namespace quire::app
