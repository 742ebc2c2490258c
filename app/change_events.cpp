// SPDX-License-Identifier: MIT
#include "change_events.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace quire::app::change_events {
namespace {

QJsonDocument payload(const QString &kind, const QJsonArray &ids, const QString &rowsKey, const QJsonArray &rows)
{
    return QJsonDocument(QJsonObject {{u"kind"_s, kind}, {u"ids"_s, ids}, {rowsKey, rows}});
}

} // namespace

QJsonDocument upserted(const QString &rowsKey, const QJsonArray &rows)
{
    QJsonArray ids;
    for (const auto &row : rows)
        ids.append(row.toObject().value(u"id"_s));
    return payload(u"upserted"_s, ids, rowsKey, rows);
}

QJsonDocument deleted(const QString &rowsKey, const QStringList &ids)
{
    return payload(u"deleted"_s, QJsonArray::fromStringList(ids), rowsKey, {});
}

QJsonDocument reset(const QString &rowsKey)
{
    return payload(u"reset"_s, {}, rowsKey, {});
}

} // namespace quire::app::change_events
