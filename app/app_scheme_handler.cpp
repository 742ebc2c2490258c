// SPDX-License-Identifier: MIT
#include "app_scheme_handler.h"

#include "logging.h"

#include <QFile>
#include <QFileInfo>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

const QString kHost = u"app"_s;

QByteArray mimeType(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    if (suffix == u"html")
        return "text/html";
    if (suffix == u"js")
        return "text/javascript";
    if (suffix == u"css")
        return "text/css";
    if (suffix == u"svg")
        return "image/svg+xml";
    if (suffix == u"json")
        return "application/json";
    return "application/octet-stream";
}

} // namespace

void AppSchemeHandler::registerScheme()
{
    QWebEngineUrlScheme appScheme(scheme);
    appScheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    appScheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme
        | QWebEngineUrlScheme::LocalAccessAllowed | QWebEngineUrlScheme::CorsEnabled);
    QWebEngineUrlScheme::registerScheme(appScheme);
}

QUrl AppSchemeHandler::entryUrl()
{
    QUrl url;
    url.setScheme(QString::fromLatin1(scheme));
    url.setHost(kHost);
    url.setPath(u"/index.html"_s);
    return url;
}

bool AppSchemeHandler::isAppUrl(const QUrl &url)
{
    return url.scheme() == QLatin1StringView(scheme) && url.host() == kHost;
}

QString AppSchemeHandler::resourcePath(const QUrl &url)
{
    if (!isAppUrl(url))
        return {};
    const QString path = url.path();
    if (path == u"/" || path.isEmpty())
        return u":/web/index.html"_s;
    // Qt's own copy of the client library, so there is exactly one version of it.
    if (path == u"/qwebchannel.js")
        return u":/qtwebchannel/qwebchannel.js"_s;
    if (path.contains(u".."))
        return {};
    return u":/web"_s + path;
}

void AppSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    if (job->requestMethod() != "GET") {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    const QString path = resourcePath(url);
    auto *file = new QFile(path, job);
    if (path.isEmpty() || !file->open(QIODevice::ReadOnly)) {
        qCWarning(lcWeb) << "no bundled file for" << url.toDisplayString();
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    job->reply(mimeType(path), file);
}

} // namespace quire::app
