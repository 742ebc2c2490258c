// SPDX-License-Identifier: MIT
#include "external_link_opener.h"

#include "logging.h"

#include <QChildEvent>
#include <QDesktopServices>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

/**
 * @brief The input that activates a link: a left click (on release, as the page sees it), Enter or
 * Space (not auto-repeated, so holding a key is one gesture), a tap.
 */
bool isGesture(const QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonRelease: return static_cast<const QMouseEvent *>(event)->button() == Qt::LeftButton;
    case QEvent::KeyPress: {
        const auto *key = static_cast<const QKeyEvent *>(event);
        return !key->isAutoRepeat()
            && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Space);
    }
    case QEvent::TouchEnd: return true;
    default: return false;
    }
}

} // namespace

ExternalLinkOpener::ExternalLinkOpener(UrlOpener opener, QObject *parent)
    : QObject(parent)
    , m_opener(std::move(opener))
{
}

ExternalLinkOpener::UrlOpener ExternalLinkOpener::systemBrowser()
{
    return [](const QUrl &url) { return QDesktopServices::openUrl(url); };
}

bool ExternalLinkOpener::isWebLink(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") && !url.host().isEmpty();
}

void ExternalLinkOpener::watchInput(QWidget *view)
{
    watch(view);
}

void ExternalLinkOpener::watch(QObject *object)
{
    object->installEventFilter(this);
    for (QObject *child : object->children()) {
        if (child->isWidgetType())
            watch(child);
    }
}

bool ExternalLinkOpener::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ChildAdded) {
        QObject *child = static_cast<QChildEvent *>(event)->child();
        if (child->isWidgetType())
            watch(child);
    } else if (isGesture(event)) {
        m_sinceGesture.start();
    }
    return QObject::eventFilter(watched, event);
}

ExternalLinkOpener::Outcome ExternalLinkOpener::open(const QUrl &url)
{
    if (!isWebLink(url)) {
        qCWarning(lcWeb) << "refused to open" << url.toDisplayString() << "outside the app: not a web link";
        return Outcome::NotAWebLink;
    }
    const bool gestureUsable = m_sinceGesture.isValid() && m_sinceGesture.elapsed() <= gestureLifetime.count();
    if (!gestureUsable) {
        qCWarning(lcWeb) << "refused to open" << url.toDisplayString()
                         << "in the system browser: no click or key press of a person asked for it";
        return Outcome::NoUserGesture;
    }
    m_sinceGesture.invalidate();
    qCInfo(lcWeb) << "opening in the system browser:" << url.toDisplayString();
    if (!m_opener(url)) {
        qCWarning(lcWeb) << "the system could not open" << url.toDisplayString();
        return Outcome::OpenFailed;
    }
    return Outcome::Opened;
}

} // namespace quire::app
