// SPDX-License-Identifier: MIT
#include "reply_store.h"

#include <QMutexLocker>
#include <QRandomGenerator>

#include <array>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

/** The app's origin (AppSchemeHandler), then a path of its own. */
const QString kUrlPrefix = u"quire://app/reply/"_s;

QString newToken()
{
    std::array<quint32, 4> bits {};
    QRandomGenerator::system()->fillRange(bits.data(), bits.size());
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(bits.data()), sizeof(bits)).toHex()); // NOLINT(*-reinterpret-cast)
}

} // namespace

QString ReplyStore::keep(QByteArray bytes)
{
    Entry entry {.bytes = std::move(bytes), .age = {}};
    entry.age.start();
    const QMutexLocker lock(&m_mutex);
    dropExpired();
    QString url = kUrlPrefix + newToken();
    m_entries.emplace(url, std::move(entry));
    return url;
}

std::optional<QByteArray> ReplyStore::take(const QUrl &url)
{
    const QMutexLocker lock(&m_mutex);
    dropExpired();
    auto found = m_entries.find(url.toString());
    if (found == m_entries.end())
        return std::nullopt;
    QByteArray bytes = std::move(found->bytes);
    m_entries.erase(found);
    return bytes;
}

bool ReplyStore::isReplyUrl(const QUrl &url)
{
    return url.toString().startsWith(kUrlPrefix);
}

qsizetype ReplyStore::size() const
{
    const QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

void ReplyStore::dropExpired()
{
    m_entries.removeIf(
        [this](const auto &entry) { return std::chrono::milliseconds(entry.value().age.elapsed()) >= m_lifetime; });
}

} // namespace quire::app
