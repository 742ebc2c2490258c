// SPDX-License-Identifier: MIT
#include "channel_client.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QWebChannel>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

// QWebChannel message types (qwebchannel.js QWebChannelMessageTypes).
constexpr int kSignal = 1;
constexpr int kInit = 3;
constexpr int kInvokeMethod = 6;
constexpr int kConnectToSignal = 7;
constexpr int kResponse = 10;

} // namespace

ChannelClient::ChannelClient(QWebChannel &channel)
{
    channel.connectTo(this);
    const int id = nextId();
    Q_EMIT messageReceived(QJsonObject {{u"type"_s, kInit}, {u"id"_s, id}}, this);
    const auto reply = waitForResponse(id);
    if (reply)
        m_objects = reply->toObject();
}

void ChannelClient::sendMessage(const QJsonObject &message)
{
    const int type = message.value(u"type"_s).toInt();
    if (type == kResponse) {
        const int id = message.value(u"id"_s).toInt();
        m_responses.insert(id, decodeReply(message.value(u"data"_s)));
        m_responseOrder.append(id);
        m_signalsBeforeResponse.insert(id, m_signalsReceived);
    } else if (type == kSignal) {
        const QString key
            = message.value(u"object"_s).toString() + u'.' + QString::number(message.value(u"signal"_s).toInt());
        m_signalCounts[key] += 1;
        m_signalsReceived += 1;
        m_signalArguments[key].append(message.value(u"args"_s).toArray());
    }
}

QJsonValue ChannelClient::decodeReply(const QJsonValue &data)
{
    // The list commands send their envelope as one JSON string; frontend/src/ipc/invoke.ts parses
    // such a reply with JSON.parse, and so does this client, so tests see the same envelope object
    // whichever form it travelled in. A string that is not an envelope is left as it is.
    if (!data.isString())
        return data;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(data.toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject() || !document.object().value(u"ok"_s).isBool())
        return data;
    m_textReplies += 1;
    return document.object();
}

int ChannelClient::indexOf(const QString &object, const QString &kind, const QString &name) const
{
    const QJsonArray entries = m_objects.value(object).toObject().value(kind).toArray();
    for (const auto &entry : entries) {
        const QJsonArray pair = entry.toArray();
        if (pair.at(0).toString() == name)
            return pair.at(1).toInt();
    }
    return -1;
}

int ChannelClient::send(const QString &object, const QString &method, const QJsonArray &args)
{
    const int id = nextId();
    const int index = indexOf(object, u"methods"_s, method);
    const QJsonValue methodRef = index >= 0 ? QJsonValue(index) : QJsonValue(method);
    Q_EMIT messageReceived(QJsonObject {{u"type"_s, kInvokeMethod}, {u"object"_s, object}, {u"method"_s, methodRef},
                               {u"args"_s, args}, {u"id"_s, id}},
        this);
    return id;
}

std::optional<QJsonValue> ChannelClient::waitForResponse(int id, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_responses.contains(id) && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (!m_responses.contains(id))
        return std::nullopt;
    return m_responses.take(id);
}

QJsonValue ChannelClient::call(const QString &object, const QString &method, const QJsonValue &args)
{
    return waitForResponse(send(object, method, QJsonArray {args})).value_or(QJsonValue(u"<timeout>"_s));
}

void ChannelClient::connectToSignal(const QString &object, const QString &signal)
{
    Q_EMIT messageReceived(QJsonObject {{u"type"_s, kConnectToSignal}, {u"object"_s, object},
                               {u"signal"_s, indexOf(object, u"signals"_s, signal)}},
        this);
    QCoreApplication::processEvents();
}

int ChannelClient::signalCount(const QString &object, const QString &signal) const
{
    return m_signalCounts.value(object + u'.' + QString::number(indexOf(object, u"signals"_s, signal)));
}

QStringList ChannelClient::methods(const QString &object) const
{
    QStringList names;
    for (const auto &entry : m_objects.value(object).toObject().value(u"methods"_s).toArray())
        names.append(entry.toArray().at(0).toString());
    return names;
}

QList<QJsonArray> ChannelClient::signalArguments(const QString &object, const QString &signal) const
{
    return m_signalArguments.value(object + u'.' + QString::number(indexOf(object, u"signals"_s, signal)));
}

QStringList ChannelClient::signalNames(const QString &object) const
{
    QStringList names;
    for (const auto &entry : m_objects.value(object).toObject().value(u"signals"_s).toArray())
        names.append(entry.toArray().at(0).toString());
    return names;
}

} // namespace quire::test
