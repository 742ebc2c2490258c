// SPDX-License-Identifier: MIT
#include "web_page.h"

#include "app_scheme_handler.h"
#include "external_link_opener.h"
#include "logging.h"

#include <QFile>
#include <QMetaObject>
#include <QWebChannel>
#include <QWebEngineHistory>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>

using namespace Qt::StringLiterals;

namespace quire::app {

namespace {

/**
 * Runs first in every main-frame document (transport_guard.js, a resource): a document that is not
 * the app's loses `qt` (the channel's transport) before any of its own scripts can run, and the
 * app's gets a transport that answers the calls QWebChannel would drop without a reply.
 */
QWebEngineScript transportGuard()
{
    QFile source(u":/quire/transport_guard.js"_s);
    const bool opened = source.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "transportGuard", "transport_guard.js is compiled into the app");
    QWebEngineScript guard;
    guard.setName(u"quire-transport-guard"_s);
    guard.setInjectionPoint(QWebEngineScript::DocumentCreation);
    guard.setWorldId(QWebEngineScript::MainWorld);
    guard.setRunsOnSubFrames(false);
    guard.setSourceCode(QString::fromUtf8(source.readAll()));
    return guard;
}

} // namespace

WebPage::WebPage(QWebEngineProfile *profile, ExternalLinkOpener &externalLinks, QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_externalLinks(externalLinks)
{
    scripts().insert(transportGuard());
    connect(this, &QWebEnginePage::loadingChanged, this, &WebPage::followLoading);
    connect(this, &QWebEnginePage::urlChanged, this, &WebPage::followUrl);
}

void WebPage::setAppChannel(QWebChannel *channel)
{
    m_appChannel = channel;
    setWebChannel(channel && AppSchemeHandler::isAppUrl(url()) && !m_away && !m_returning ? channel : nullptr);
}

bool WebPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (AppSchemeHandler::isAppUrl(url))
        return true;
    if (isMainFrame && type == NavigationTypeLinkClicked && ExternalLinkOpener::isWebLink(url))
        (void)m_externalLinks.open(url); // says itself what it did
    else
        qCWarning(lcWeb) << "refused navigation to" << url.toDisplayString() << "main frame:" << isMainFrame;
    return false;
}

void WebPage::followLoading(const QWebEngineLoadingInfo &loading)
{
    const bool appUrl = AppSchemeHandler::isAppUrl(loading.url());
    switch (loading.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        // Attached before the document exists, so that its scripts find the transport; but not
        // while a foreign document may be the current one, which attaching would reach.
        if (appUrl && !m_away && !m_returning)
            setWebChannel(m_appChannel);
        else if (loading.url().scheme() == u"about")
            leaveApp(loading.url()); // Chromium commits it without asking acceptNavigationRequest
        break;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        if (!appUrl) {
            leaveApp(loading.url());
            returnToApp();
        } else if (m_away || m_returning) {
            finishReturn();
        }
        break;
    case QWebEngineLoadingInfo::LoadFailedStatus:
        // An error page took the document's place: it is not the app's, whatever its URL says.
        if (appUrl && m_returning) {
            qCCritical(lcWeb).noquote() << "cannot load the app's page:" << loading.errorString();
            m_returning = false;
            break;
        }
        leaveApp(loading.url());
        returnToApp();
        break;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
        // A refused navigation leaves the document as it was; an interrupted foreign one may not.
        if (m_away)
            returnToApp();
        break;
    }
}

void WebPage::followUrl(const QUrl &url)
{
    if (!url.isEmpty() && !AppSchemeHandler::isAppUrl(url))
        leaveApp(url);
}

void WebPage::leaveApp(const QUrl &foreign)
{
    setWebChannel(nullptr);
    if (!m_away && !m_returning)
        qCWarning(lcWeb) << "the view is leaving the app for" << foreign.toDisplayString()
                         << "- the app is loaded again";
    m_away = true;
}

void WebPage::returnToApp()
{
    if (m_returning)
        return;
    m_returning = true;
    m_away = false;
    // Only once the foreign load has ended: a load started in the middle of it leaves QtWebEngine
    // 6.4 without the load signals finishReturn() waits for. Queued, as this runs inside one.
    QMetaObject::invokeMethod(
        this, [this] { load(AppSchemeHandler::entryUrl()); }, Qt::QueuedConnection);
}

void WebPage::finishReturn()
{
    m_returning = false;
    m_away = false;
    // The app's document is the current one now, so attaching cannot reach anything else; its
    // scripts ran without the transport, hence the reload, which keeps the channel attached.
    setWebChannel(m_appChannel);
    QMetaObject::invokeMethod(
        this,
        [this] {
            history()->clear(); // Back must not lead to the foreign document again
            triggerAction(Reload);
        },
        Qt::QueuedConnection);
}

QWebEnginePage *WebPage::createWindow(WebWindowType)
{
    qCWarning(lcWeb) << "refused a request to open a new window";
    return nullptr;
}

void WebPage::javaScriptConsoleMessage(
    JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber, const QString &sourceId)
{
    if (level == ErrorMessageLevel)
        qCWarning(lcWeb).noquote() << u"%1:%2: %3"_s.arg(sourceId).arg(lineNumber).arg(message);
    else
        qCDebug(lcWeb).noquote() << u"%1:%2: %3"_s.arg(sourceId).arg(lineNumber).arg(message);
}

void applySecureSettings(QWebEngineProfile &profile)
{
    QWebEngineSettings *settings = profile.settings();
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
}

} // namespace quire::app
