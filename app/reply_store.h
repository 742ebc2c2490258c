// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace quire::app {

/**
 * @brief Large replies kept for the page to fetch once, by a URL its call's answer names, instead
 * of crossing QWebChannel. The channel carries a reply as a JSON string inside its own JSON
 * message: escaped, copied through Chromium and unescaped again (132 ms for Today's 2.9 MB on
 * 100 000 tasks, where JSON.parse of the same text takes 7). AppSchemeHandler serves what is kept
 * here, at quire://app/reply/<token> on the app's own origin.
 *
 * Each token is 128 random bits, and is good for one fetch: only the page that got the answer
 * knows it, and nothing stays readable after the page has read it. A reply the page never asks
 * for (its call timed out) is dropped after kLifetime. Filled on the database thread, emptied on
 * the GUI thread.
 */
class ReplyStore final
{
public:
    static constexpr std::chrono::milliseconds kLifetime {30'000};

    /** @brief `lifetime`: how long a reply waits to be fetched (tests shorten it). */
    explicit ReplyStore(std::chrono::milliseconds lifetime = kLifetime)
        : m_lifetime(lifetime)
    {
    }

    /** @brief Keeps `bytes` and returns the URL that fetches them. */
    [[nodiscard]] QString keep(QByteArray bytes);
    /** @brief The bytes kept for `url`, which it forgets; nullopt for a URL unknown, used or expired. */
    [[nodiscard]] std::optional<QByteArray> take(const QUrl &url);
    /** @brief True for the URLs keep() gives (whether or not anything is kept for them now). */
    [[nodiscard]] static bool isReplyUrl(const QUrl &url);
    /** @brief How many replies wait to be fetched. */
    [[nodiscard]] qsizetype size() const;

private:
    struct Entry {
        QByteArray bytes;
        QElapsedTimer age;
    };

    /** Drops what is older than the lifetime; the mutex is held. */
    void dropExpired();

    const std::chrono::milliseconds m_lifetime;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace quire::app
