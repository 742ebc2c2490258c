// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>

class QWidget;

namespace quire::app {

/**
 * @brief Opens the page's http(s) links in the system browser, at most once per real user gesture.
 *
 * QtWebEngine reports a script's `a.click()` or `location.href = …` exactly like a person's click
 * (NavigationTypeLinkClicked), so the navigation alone cannot tell them apart. What a script cannot
 * make is Qt input: a person's click or Enter key reaches the view as a QMouseEvent or QKeyEvent on
 * its render widget. So the view's input is watched, and each gesture allows one opening shortly
 * after it.
 */
class ExternalLinkOpener final : public QObject
{
    Q_OBJECT

public:
    /** @brief Hands a URL to the desktop (QDesktopServices::openUrl); tests count instead. */
    using UrlOpener = std::function<bool(const QUrl &)>;

    enum class Outcome { Opened, NotAWebLink, NoUserGesture, OpenFailed };

    /** @brief How long a gesture stays usable: its click has to reach the page and come back as a navigation. */
    static constexpr std::chrono::milliseconds gestureLifetime {1000};

    explicit ExternalLinkOpener(UrlOpener opener = systemBrowser(), QObject *parent = nullptr);

    /** @brief QDesktopServices::openUrl. */
    [[nodiscard]] static UrlOpener systemBrowser();
    /** @brief http and https: the only URLs worth handing to a browser. */
    [[nodiscard]] static bool isWebLink(const QUrl &url);

    /**
     * @brief Counts the input that reaches `view` or any widget inside it, now or later
     * (QtWebEngine creates its render widget, which takes the input, after the view).
     */
    void watchInput(QWidget *view);

    /** @brief Opens `url` if it is a web link and an unspent gesture is recent enough; spends it. */
    Outcome open(const QUrl &url);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void watch(QObject *object);

    UrlOpener m_opener;
    QElapsedTimer m_sinceGesture; // invalid while there is no unspent gesture
};

} // namespace quire::app
