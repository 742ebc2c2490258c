// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QWebChannelAbstractTransport>

#include <optional>

class QWebChannel;

namespace quire::test {

/**
 * @brief The page's end of a QWebChannel, speaking the real wire protocol (what qwebchannel.js
 * sends) through an in-process transport: no QtWebEngine needed.
 */
class ChannelClient final : public QWebChannelAbstractTransport
{
    Q_OBJECT

public:
    /** @brief Connects to `channel` and performs the init handshake. */
    explicit ChannelClient(QWebChannel &channel);

    void sendMessage(const QJsonObject &message) override;

    /** @brief Sends an invokeMethod message without waiting; returns its id. */
    int send(const QString &object, const QString &method, const QJsonArray &args);
    /** @brief The response data for `id`, pumping the event loop up to `timeoutMs`; nullopt on timeout. */
    std::optional<QJsonValue> waitForResponse(int id, int timeoutMs = 10'000);
    /** @brief send + waitForResponse with one argument, as frontend/src/ipc does. */
    QJsonValue call(const QString &object, const QString &method, const QJsonValue &args = QJsonObject {});

    /** @brief Subscribes to a signal; emissions are counted by signalCount(). */
    void connectToSignal(const QString &object, const QString &signal);
    [[nodiscard]] int signalCount(const QString &object, const QString &signal) const;
    /** @brief The arguments of each emission so far, in order. */
    [[nodiscard]] QList<QJsonArray> signalArguments(const QString &object, const QString &signal) const;

    /** @brief Method and signal names per object, as announced in the init reply. */
    [[nodiscard]] QStringList methods(const QString &object) const;
    [[nodiscard]] QStringList signalNames(const QString &object) const;
    [[nodiscard]] bool hasResponse(int id) const { return m_responses.contains(id); }
    /** @brief The ids of the replies in the order they arrived. */
    [[nodiscard]] const QList<int> &responseOrder() const { return m_responseOrder; }
    /** @brief How many signals, of any object, had arrived when the reply `id` did (-1 before it has). */
    [[nodiscard]] int signalsBeforeResponse(int id) const { return m_signalsBeforeResponse.value(id, -1); }
    /** @brief How many replies arrived as an envelope in JSON text (and were parsed, see decodeReply). */
    [[nodiscard]] int textReplyCount() const { return m_textReplies; }

private:
    /** @brief A reply that is an envelope as JSON text becomes that envelope object, as the page does. */
    QJsonValue decodeReply(const QJsonValue &data);
    int nextId() { return m_nextId++; }
    [[nodiscard]] int indexOf(const QString &object, const QString &kind, const QString &name) const;

    QJsonObject m_objects; // init reply: object name -> {methods, signals, properties, enums}
    QHash<int, QJsonValue> m_responses;
    QList<int> m_responseOrder;
    QHash<QString, int> m_signalCounts; // "object.signalIndex"
    QHash<QString, QList<QJsonArray>> m_signalArguments; // "object.signalIndex"
    QHash<int, int> m_signalsBeforeResponse;
    int m_signalsReceived = 0;
    int m_nextId = 1;
    int m_textReplies = 0;
};

} // namespace quire::test
