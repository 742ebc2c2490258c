// SPDX-License-Identifier: MIT
#include "web_page.h"

#include "app_scheme_handler.h"
#include "logging.h"

#include <QDesktopServices>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

using namespace Qt::StringLiterals;

namespace quire::app {

WebPage::WebPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
}

bool WebPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (AppSchemeHandler::isAppUrl(url))
        return true;
    const bool isWebLink = url.scheme() == u"https" || url.scheme() == u"http";
    if (isWebLink && type == NavigationTypeLinkClicked) {
        qCInfo(lcWeb) << "opening in the system browser:" << url.toDisplayString();
        QDesktopServices::openUrl(url);
    } else {
        qCWarning(lcWeb) << "refused navigation to" << url.toDisplayString() << "main frame:" << isMainFrame;
    }
    return false;
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
